package io.envclone.service.json;

import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

/**
 * A clone's source fingerprints travel as one base64 string in a JSON body (to the anonymizer and
 * the validator): about 20 MB for a million rows, over Jackson's default limit of 20 MB a string.
 */
@Singleton
public class LargeDocuments implements ObjectMapperCustomizer {

    /** The longest string a request may hold: room for the fingerprints of some 50 million values. */
    public static final int MAX_STRING_LENGTH = 1024 * 1024 * 1024;

    public static StreamReadConstraints constraints() {
        return StreamReadConstraints.builder().maxStringLength(MAX_STRING_LENGTH).build();
    }

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.getFactory().setStreamReadConstraints(constraints());
    }
}
