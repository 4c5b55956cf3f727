package dev.cutover.cli;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static dev.cutover.cli.CommandRuns.cutover;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * report.html rendered by headless Chromium, when the machine has it (Debian's chromium package, or the browser
 * named by CUTOVER_CHROMIUM): the screenshot must show the verdict badge and both models' chart lines. The legends,
 * drawn in the lines' colours, are hidden for the count, so only lines the charts drew are counted. The screenshot
 * is left in target/report-screenshot.png to be looked at. Chromium starts with its background
 * networking off and a fresh profile, and is given only a file on this machine.
 */
class ReportRenderingTest extends OnE2eEstate {
    private static final int VERDICT_RED = 0xc92a2a;
    private static final int MOMENTUM_BLUE = 0x1c7ed6;
    private static final int KUMOMTA_ORANGE = 0xe8590c;

    @Test
    void chromium_drawsTheVerdictAndBothModelsLines() throws Exception {
        final String chromium = chromium();
        Assumptions.assumeTrue(chromium != null, "no Chromium on this machine; install Debian's chromium package");
        assertEquals(1, cutover("run", estate.toString(), "--out", dir.resolve("out").toString()).status());
        final Path screenshot = Paths.get("target", "report-screenshot.png").toAbsolutePath();
        Files.deleteIfExists(screenshot);
        final Path page = dir.resolve("out/report.html");
        final Path shown = dir.resolve("shown.html");
        Files.writeString(shown, Files.readString(page).replace("</head>",
                "<style>.legend{display:none}</style></head>"));

        final Process browser = new ProcessBuilder(List.of(chromium, "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--hide-scrollbars", "--user-data-dir=" + dir.resolve("profile"),
                "--window-size=1200,3000", "--screenshot=" + screenshot,
                shown.toUri().toString()))
                .redirectErrorStream(true).redirectOutput(dir.resolve("chromium.log").toFile()).start();
        assertTrue(browser.waitFor(90, TimeUnit.SECONDS), "Chromium did not finish in 90 s");

        final BufferedImage image = ImageIO.read(screenshot.toFile());
        assertEquals(1200, image.getWidth(), Files.readString(dir.resolve("chromium.log")));
        assertTrue(pixels(image, VERDICT_RED) > 500, "the DIVERGED badge");
        assertTrue(pixels(image, MOMENTUM_BLUE) > 300, "Momentum's lines");
        assertTrue(pixels(image, KUMOMTA_ORANGE) > 300, "KumoMTA's lines");
    }

    private static String chromium() {
        final String named = System.getenv("CUTOVER_CHROMIUM");
        for (String candidate : named == null ? List.of("/usr/bin/chromium", "/usr/bin/chromium-browser")
                : List.of(named)) {
            if (new File(candidate).canExecute()) {
                return candidate;
            }
        }
        return null;
    }

    /** @return how many pixels are within a small distance of {@code rgb} */
    private static int pixels(BufferedImage image, int rgb) {
        int count = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                final int p = image.getRGB(x, y);
                final int distance = Math.abs((p >> 16 & 0xff) - (rgb >> 16 & 0xff))
                        + Math.abs((p >> 8 & 0xff) - (rgb >> 8 & 0xff)) + Math.abs((p & 0xff) - (rgb & 0xff));
                if (distance < 24) {
                    count++;
                }
            }
        }
        return count;
    }
}
