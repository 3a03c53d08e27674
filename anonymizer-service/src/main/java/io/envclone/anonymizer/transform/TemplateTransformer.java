package io.envclone.anonymizer.transform;

/**
 * {@code template} (and {@code custom}, and {@code email}, whose default template is
 * {@code user{hash}@test.local}): the value rendered from its template. The same input always
 * gives the same output; with {@code {hash}} or {@code {index}}, distinct inputs give distinct outputs.
 */
final class TemplateTransformer implements Transformer {

    static final String DEFAULT_EMAIL = "user{hash}@test.local";

    private static final int MAX_DRAWS = 10;

    private final Template template;
    private final RealValues real;

    TemplateTransformer(Template template, RealValues real) {
        this.template = template;
        this.real = real;
    }

    /** A rendering that is a real value is drawn again with the hash's next derivation (a template without {hash} cannot). */
    @Override
    public String apply(String value, Row row) {
        if (value == null) {
            return null;
        }
        String fake = template.render(value, row, 1);
        for (int draw = 2; draw <= MAX_DRAWS && template.usesHash() && real.seen(fake); draw++) {
            fake = template.render(value, row, draw);
        }
        return fake;
    }
}
