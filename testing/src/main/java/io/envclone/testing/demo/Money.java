package io.envclone.testing.demo;

/** Amounts are carried as cents (centimes) and written as numeric text, never through a double. */
final class Money {

    private Money() {
    }

    /** 123450 → {@code 1234.50}. */
    static String text(long cents) {
        long units = cents / 100;
        long rest = Math.abs(cents % 100);
        return (cents < 0 && units == 0 ? "-" : "") + units + (rest < 10 ? ".0" : ".") + rest;
    }
}
