package io.envclone.anonymizer.transform;

/**
 * The row a value belongs to, as templates and scrubbing need it: its other columns' original
 * values (never sent anywhere, used only to derive replacements) and a stable index.
 */
public interface Row {

    /** The original text of {@code column} in this row, or null. */
    String column(String column);

    /** A number that is the same for this row in every run: its primary key's value, or null when it has none. */
    String index();

    /** The text of {@code column} as the copy will hold it: its replacement when a rule ran on it, else the original. */
    default String anonymized(String column) {
        return column(column);
    }

    /** This row's sensitive values already replaced, original to fake: {@code scrub} replaces them in its text too. */
    default java.util.Map<String, String> replacements() {
        return java.util.Map.of();
    }

    /** The fake first name this row's {@code first_name} column got, or null: a fake last name must not make a source full name with it. */
    default String fakeFirstName() {
        return null;
    }

    Row NONE = new Row() {
        @Override
        public String column(String column) {
            return null;
        }

        @Override
        public String index() {
            return null;
        }
    };
}
