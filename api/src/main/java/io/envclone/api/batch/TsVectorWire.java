package io.envclone.api.batch;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeMap;

/**
 * A {@code tsvector} between its binary COPY form (lexeme count; each lexeme as a zero-ended
 * string, its position count and positions with the weight in the top two bits) and the text
 * form PostgreSQL prints ({@code 'amina':1 'oran':3B}).
 */
final class TsVectorWire {

    private static final char[] WEIGHTS = {'D', 'C', 'B', 'A'};

    private TsVectorWire() {
    }

    static String decode(ByteBuffer in) {
        int lexemes = in.getInt();
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < lexemes; i++) {
            int start = in.position();
            while (in.get() != 0) {
                // to the lexeme's end
            }
            String lexeme = new String(in.array(), in.arrayOffset() + start, in.position() - start - 1, StandardCharsets.UTF_8);
            if (i > 0) {
                text.append(' ');
            }
            text.append('\'').append(lexeme.replace("\\", "\\\\").replace("'", "''")).append('\'');
            int positions = Short.toUnsignedInt(in.getShort());
            for (int p = 0; p < positions; p++) {
                int entry = Short.toUnsignedInt(in.getShort());
                text.append(p == 0 ? ':' : ',').append(entry & 0x3FFF);
                int weight = entry >>> 14;
                if (weight != 0) {
                    text.append(WEIGHTS[weight]);
                }
            }
        }
        return text.toString();
    }

    static byte[] encode(String text) {
        // sorted as the server keeps them: by bytes, a prefix first
        TreeMap<byte[], List<Integer>> lexemes = new TreeMap<>(Arrays::compareUnsigned);
        int at = 0;
        while (at < text.length()) {
            char c = text.charAt(at);
            if (c == ' ') {
                at++;
                continue;
            }
            StringBuilder lexeme = new StringBuilder();
            if (c == '\'') {
                at++;
                while (true) {
                    if (at >= text.length()) {
                        throw new IllegalArgumentException("tsvector text has an unclosed quote: " + text);
                    }
                    char d = text.charAt(at++);
                    if (d == '\\' && at < text.length()) {
                        lexeme.append(text.charAt(at++));
                    } else if (d == '\'' && at < text.length() && text.charAt(at) == '\'') {
                        lexeme.append('\'');
                        at++;
                    } else if (d == '\'') {
                        break;
                    } else {
                        lexeme.append(d);
                    }
                }
            } else {
                while (at < text.length() && text.charAt(at) != ' ' && text.charAt(at) != ':') {
                    lexeme.append(text.charAt(at++));
                }
            }
            List<Integer> positions = lexemes.computeIfAbsent(lexeme.toString().getBytes(StandardCharsets.UTF_8),
                    key -> new ArrayList<>());
            if (at < text.length() && text.charAt(at) == ':') {
                do {
                    at++;
                    int end = at;
                    while (end < text.length() && Character.isDigit(text.charAt(end))) {
                        end++;
                    }
                    int position = Math.min(Integer.parseInt(text.substring(at, end)), 0x3FFF);
                    at = end;
                    int weight = 0;
                    if (at < text.length() && "ABCDabcd".indexOf(text.charAt(at)) >= 0) {
                        weight = 3 - "ABCD".indexOf(Character.toUpperCase(text.charAt(at)));
                        at++;
                    }
                    positions.add(weight << 14 | position);
                } while (at < text.length() && text.charAt(at) == ',');
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteBuffer number = ByteBuffer.allocate(4);
        out.writeBytes(number.putInt(0, lexemes.size()).array());
        lexemes.forEach((lexeme, positions) -> {
            out.writeBytes(lexeme);
            out.write(0);
            out.write(positions.size() >>> 8);
            out.write(positions.size());
            positions.stream().sorted(java.util.Comparator.comparingInt(p -> p & 0x3FFF)).forEach(p -> {
                out.write(p >>> 8);
                out.write(p);
            });
        });
        return out.toByteArray();
    }
}
