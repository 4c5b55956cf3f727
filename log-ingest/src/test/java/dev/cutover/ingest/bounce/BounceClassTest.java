package dev.cutover.ingest.bounce;

import dev.cutover.ingest.bounce.BounceClass.Category;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Expected values copied by hand from the Momentum 4 "Bounce Classification Codes" table. */
class BounceClassTest {

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', textBlock = """
            1   | Undetermined            | UNDETERMINED
            10  | Invalid Recipient       | HARD
            20  | Soft Bounce             | SOFT
            21  | DNS Failure             | SOFT
            22  | Mailbox Full            | SOFT
            23  | Too Large               | SOFT
            24  | Timeout                 | SOFT
            25  | Admin Failure           | ADMIN
            30  | Generic Bounce: No RCPT | HARD
            40  | Generic Bounce          | SOFT
            50  | Mail Block              | BLOCK
            51  | Spam Block              | BLOCK
            52  | Spam Content            | BLOCK
            53  | Prohibited Attachment   | BLOCK
            54  | Relaying Denied         | BLOCK
            60  | Auto-Reply              | SOFT
            70  | Transient Failure       | SOFT
            80  | Subscribe               | ADMIN
            90  | Unsubscribe             | HARD
            100 | Challenge-Response      | SOFT
            """)
    void of_documentedCode_classWithDocumentedNameAndCategory(int code, String name, Category category) {
        final BounceClass bounceClass = BounceClass.of(code);

        assertNotNull(bounceClass);
        assertEquals(code, bounceClass.code());
        assertEquals(name, bounceClass.documentedName());
        assertEquals(category, bounceClass.category());
    }

    @Test
    void values_documentedTable_twentyClasses() {
        assertEquals(20, BounceClass.values().length);
    }

    @ParameterizedTest
    @ValueSource(ints = {Integer.MIN_VALUE, -1, 0, 2, 11, 26, 55, 99, 101, Integer.MAX_VALUE})
    void of_undocumentedCode_null(int code) {
        assertNull(BounceClass.of(code));
    }

    @Test
    void isTransient_softCategory_onlySoftClasses() {
        assertEquals(List.of(20, 21, 22, 23, 24, 40, 60, 70, 100), codesWhere(true, false));
    }

    @Test
    void isPermanent_hardCategory_onlyHardClasses() {
        assertEquals(List.of(10, 30, 90), codesWhere(false, true));
    }

    @Test
    void isTransientAndIsPermanent_undeterminedAdminAndBlock_neither() {
        assertEquals(List.of(1, 25, 50, 51, 52, 53, 54, 80), codesWhere(false, false));
    }

    private static List<Integer> codesWhere(boolean isTransient, boolean isPermanent) {
        return Arrays.stream(BounceClass.values())
                .filter(c -> c.isTransient() == isTransient && c.isPermanent() == isPermanent)
                .map(BounceClass::code)
                .toList();
    }
}
