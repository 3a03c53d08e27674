package io.envclone.testing.demo;

/**
 * A minimal JSON object writer for jsonb columns (notification payloads, audit row images):
 * enough to escape strings correctly without pulling a JSON library into the module.
 */
final class Json {

    private final StringBuilder out = new StringBuilder(256).append('{');
    private boolean empty = true;

    static Json object() {
        return new Json();
    }

    Json put(String key, String value) {
        key(key);
        if (value == null) {
            out.append("null");
        } else {
            string(value);
        }
        return this;
    }

    Json put(String key, long value) {
        key(key);
        out.append(value);
        return this;
    }

    Json put(String key, Long value) {
        return value == null ? putNull(key) : put(key, value.longValue());
    }

    Json put(String key, boolean value) {
        key(key);
        out.append(value);
        return this;
    }

    Json put(String key, Json value) {
        key(key);
        out.append(value);
        return this;
    }

    /** A numeric(…, 2) amount, written as a JSON number like to_jsonb does. */
    Json putMoney(String key, long cents) {
        key(key);
        out.append(Money.text(cents));
        return this;
    }

    Json putNull(String key) {
        key(key);
        out.append("null");
        return this;
    }

    @Override
    public String toString() {
        return out + "}";
    }

    private void key(String key) {
        if (!empty) {
            out.append(", ");
        }
        empty = false;
        string(key);
        out.append(": ");
    }

    private void string(String value) {
        out.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
