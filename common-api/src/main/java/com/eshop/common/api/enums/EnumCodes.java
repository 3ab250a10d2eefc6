package com.eshop.common.api.enums;

import java.util.Arrays;
import java.util.Optional;
import java.util.function.Function;

/** Looks up the constant of an enum that is stored or sent as an integer code. */
public final class EnumCodes {
    private EnumCodes() {
    }

    /** The constant whose code is {@code code}; empty for null or an unknown code. */
    public static <E extends Enum<E>> Optional<E> find(E[] constants, Function<E, Integer> codeOf, Integer code) {
        return Arrays.stream(constants).filter(c -> code != null && code.equals(codeOf.apply(c))).findFirst();
    }

    /** The constant whose code is {@code code}; an {@link IllegalArgumentException} "unknown {what} {code}" otherwise. */
    public static <E extends Enum<E>> E of(E[] constants, Function<E, Integer> codeOf, Integer code, String what) {
        return find(constants, codeOf, code).orElseThrow(() -> new IllegalArgumentException("unknown " + what + " " + code));
    }
}
