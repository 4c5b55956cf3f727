package dev.cutover.kumo;

import java.util.Random;
import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;

/**
 * The sandbox's {@code math.random} and {@code math.randomseed}: LuaJ's draw from an unseeded generator, so a
 * policy that spreads traffic with {@code math.random} would answer differently on every replay. Here the
 * generator is a {@link Random} seeded from {@link HarnessOptions#seed()}, whose sequence Java specifies.
 *
 * <p>{@code math.random()} gives a float in [0, 1), {@code math.random(m)} an integer in [1, m],
 * {@code math.random(m, n)} an integer in [m, n], as in Lua 5.2. {@code math.randomseed(x)} restarts the
 * sequence from {@code x} mixed with the harness seed: the same {@code x} replays the same values, and the
 * common {@code math.randomseed(os.time())} still gives each harness seed its own sequence although the
 * sandbox's clock is fixed.
 */
final class SandboxRandom {

    private final long seed;
    private final Random random;
    private long draws;

    /** @param seed the harness seed, any value */
    SandboxRandom(long seed) {
        this.seed = seed;
        this.random = new Random(seed);
    }

    /** Replaces {@code random} and {@code randomseed} in the sandbox's {@code math} table. */
    void install(LuaTable math) {
        math.set("random", LuaFunctions.of("random", this::next));
        math.set("randomseed", LuaFunctions.of("randomseed", args -> {
            random.setSeed(seed ^ Double.doubleToLongBits(args.checkdouble(1)));
            return LuaValue.NONE;
        }));
    }

    /** @return how many numbers the policy has drawn */
    long draws() {
        return draws;
    }

    /** @return {@code count} random bytes, counted as one draw (for {@code kumo.uuid}) */
    byte[] bytes(int count) {
        draws++;
        final byte[] out = new byte[count];
        random.nextBytes(out);
        return out;
    }

    private LuaValue next(Varargs args) {
        draws++;
        switch (args.narg()) {
            case 0:
                return LuaValue.valueOf(random.nextDouble());
            case 1:
                return between(1, args.checkint(1), 1);
            case 2:
                return between(args.checkint(1), args.checkint(2), 2);
            default:
                throw new LuaError("wrong number of arguments");
        }
    }

    private LuaValue between(int low, int high, int argument) {
        if (low > high) {
            return LuaValue.argerror(argument, "interval is empty");
        }
        return LuaValue.valueOf((int) random.nextLong(low, (long) high + 1));
    }
}
