package io.envclone.api.batch;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import java.time.temporal.ChronoUnit;
import java.util.Set;
import java.util.UUID;

/**
 * Between a field's binary COPY form and its text form, for the types that rules transform
 * (wire types as {@link TableBatch#wireTypes()} names them). Text is PostgreSQL's text output,
 * except timestamps with time zone, written in UTC ({@code 2024-05-01 10:00:00+00}).
 */
public final class WireText {

    /** Character types (enums and text domains arrive as them): their binary form is their UTF-8 text. */
    private static final Set<String> TEXT = Set.of("text", "character varying", "character", "citext", "name", "enum",
            "\"char\"", "bpchar", "varchar");
    private static final java.util.regex.Pattern MODIFIER = java.util.regex.Pattern.compile("\\(\\d+(,\\s*\\d+)?\\)");
    private static final LocalDate EPOCH = LocalDate.of(2000, 1, 1);
    private static final LocalDateTime EPOCH_TIME = EPOCH.atStartOfDay();
    private static final DateTimeFormatter TIMESTAMP = new DateTimeFormatterBuilder()
            .appendPattern("yyyy-MM-dd HH:mm:ss").optionalStart()
            .appendFraction(ChronoField.MICRO_OF_SECOND, 0, 6, true).optionalEnd().toFormatter();

    private WireText() {
    }

    /** Whether {@code wireType} is a character type (not json: text, but not free text a name rule fits). */
    public static boolean isText(String wireType) {
        return TEXT.contains(withoutModifier(wireType));
    }

    /** Whether values of {@code wireType} can be decoded and encoded here. */
    /** A column's declared type may carry its modifier (character varying(20), numeric(10,2)): its values do not. */
    public static String withoutModifier(String type) {
        return MODIFIER.matcher(type).replaceAll("");
    }

    public static boolean supports(String type) {
        String wireType = withoutModifier(type);
        return TEXT.contains(wireType) || switch (wireType) {
            case "json" -> true;
            case "jsonb", "smallint", "integer", "bigint", "numeric", "date", "timestamp without time zone",
                    "timestamp with time zone", "boolean", "uuid", "tsvector" -> true;
            default -> false;
        };
    }

    public static String decode(String wireType, byte[] bytes) {
        if (bytes == null) {
            return null;
        }
        if (TEXT.contains(wireType) || wireType.equals("json")) {
            return new String(bytes, StandardCharsets.UTF_8);
        }
        ByteBuffer in = ByteBuffer.wrap(bytes);
        return switch (wireType) {
            case "jsonb" -> new String(bytes, 1, bytes.length - 1, StandardCharsets.UTF_8); // version byte, then text
            case "smallint" -> Short.toString(in.getShort());
            case "integer" -> Integer.toString(in.getInt());
            case "bigint" -> Long.toString(in.getLong());
            case "numeric" -> decodeNumeric(in);
            case "date" -> EPOCH.plusDays(in.getInt()).toString();
            case "timestamp without time zone" -> TIMESTAMP.format(EPOCH_TIME.plus(in.getLong(), ChronoUnit.MICROS));
            case "timestamp with time zone" -> TIMESTAMP.format(EPOCH_TIME.plus(in.getLong(), ChronoUnit.MICROS)) + "+00";
            case "boolean" -> bytes[0] != 0 ? "true" : "false";
            case "uuid" -> new UUID(in.getLong(), in.getLong()).toString();
            case "tsvector" -> TsVectorWire.decode(in);
            default -> throw unsupported(wireType);
        };
    }

    public static byte[] encode(String wireType, String text) {
        if (text == null) {
            return null;
        }
        if (TEXT.contains(wireType) || wireType.equals("json")) {
            return text.getBytes(StandardCharsets.UTF_8);
        }
        return switch (wireType) {
            case "jsonb" -> {
                byte[] json = text.getBytes(StandardCharsets.UTF_8);
                yield ByteBuffer.allocate(json.length + 1).put((byte) 1).put(json).array();
            }
            case "smallint" -> ByteBuffer.allocate(2).putShort(Short.parseShort(text)).array();
            case "integer" -> ByteBuffer.allocate(4).putInt(Integer.parseInt(text)).array();
            case "bigint" -> ByteBuffer.allocate(8).putLong(Long.parseLong(text)).array();
            case "numeric" -> encodeNumeric(new BigDecimal(text));
            case "date" -> ByteBuffer.allocate(4).putInt((int) ChronoUnit.DAYS.between(EPOCH, LocalDate.parse(text))).array();
            case "timestamp without time zone", "timestamp with time zone" -> ByteBuffer.allocate(8)
                    .putLong(ChronoUnit.MICROS.between(EPOCH_TIME, timestamp(text))).array();
            case "boolean" -> new byte[] {(byte) (text.startsWith("t") ? 1 : 0)};
            case "uuid" -> {
                UUID uuid = UUID.fromString(text);
                yield ByteBuffer.allocate(16).putLong(uuid.getMostSignificantBits()).putLong(uuid.getLeastSignificantBits())
                        .array();
            }
            case "tsvector" -> TsVectorWire.encode(text);
            default -> throw unsupported(wireType);
        };
    }

    private static LocalDateTime timestamp(String text) {
        String local = text.endsWith("+00") ? text.substring(0, text.length() - 3) : text;
        if (local.length() > 19 && (local.charAt(19) == '+' || local.charAt(19) == '-')) {
            // an offset other than UTC: bring it to UTC
            return java.time.OffsetDateTime.parse(local.replace(' ', 'T') + (local.length() == 22 ? ":00" : ""))
                    .withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime();
        }
        return LocalDateTime.parse(local, TIMESTAMP);
    }

    private static String decodeNumeric(ByteBuffer in) {
        int digits = in.getShort();
        int weight = in.getShort();
        int sign = in.getShort() & 0xFFFF;
        int scale = in.getShort();
        if (sign == 0xC000) {
            return "NaN";
        }
        BigInteger unscaled = BigInteger.ZERO;
        for (int i = 0; i < digits; i++) {
            unscaled = unscaled.multiply(BigInteger.valueOf(10_000)).add(BigInteger.valueOf(in.getShort()));
        }
        BigDecimal value = new BigDecimal(unscaled).scaleByPowerOfTen(4 * (weight - digits + 1)).setScale(scale);
        return (sign == 0x4000 ? value.negate() : value).toPlainString();
    }

    private static byte[] encodeNumeric(BigDecimal value) {
        int scale = Math.max(value.scale(), 0);
        String plain = value.abs().setScale(scale).toPlainString();
        int dot = plain.indexOf('.');
        String integer = dot < 0 ? plain : plain.substring(0, dot);
        String fraction = dot < 0 ? "" : plain.substring(dot + 1);
        integer = "0".repeat((4 - integer.length() % 4) % 4) + integer;
        fraction = fraction + "0".repeat((4 - fraction.length() % 4) % 4);
        String all = integer + fraction;
        int groups = all.length() / 4;
        short[] base = new short[groups];
        for (int i = 0; i < groups; i++) {
            base[i] = Short.parseShort(all.substring(i * 4, i * 4 + 4));
        }
        int first = 0;
        while (first < groups && base[first] == 0) {
            first++;
        }
        int last = groups - 1;
        while (last >= first && base[last] == 0) {
            last--;
        }
        int count = Math.max(0, last - first + 1);
        int weight = count == 0 ? 0 : integer.length() / 4 - 1 - first;
        ByteBuffer out = ByteBuffer.allocate(8 + 2 * count).putShort((short) count).putShort((short) weight)
                .putShort((short) (value.signum() < 0 ? 0x4000 : 0)).putShort((short) scale);
        for (int i = first; i <= last; i++) {
            out.putShort(base[i]);
        }
        return out.array();
    }

    /** Why values of {@code wireType} cannot be transformed, and what to do instead. */
    public static String unsupportedReason(String wireType) {
        return "values of type " + wireType + " cannot be decoded by the anonymizer:"
                + " give the column the transformer null, or keep with a reason";
    }

    private static IllegalArgumentException unsupported(String wireType) {
        return new IllegalArgumentException(unsupportedReason(wireType));
    }
}
