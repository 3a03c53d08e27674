package io.envclone.anonymizer.transform;

/**
 * {@code template} (and {@code custom}, and {@code email}, whose default template is
 * {@code user{hash}@test.local}): the value rendered from its template. The same input always
 * gives the same output; with {@code {hash}} or {@code {index}}, distinct inputs give distinct outputs.
 */
final class TemplateTransformer implements Transformer {

    static final String DEFAULT_EMAIL = "user{hash}@test.local";

    private final Template template;

    TemplateTransformer(Template template) {
        this.template = template;
    }

    @Override
    public String apply(String value, Row row) {
        return value == null ? null : template.render(value, row);
    }
}
