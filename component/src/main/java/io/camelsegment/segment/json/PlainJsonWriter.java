package io.camelsegment.segment.json;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Writes plain JSON values (string-keyed maps and lists of the JDK, strings, numbers, booleans, nulls) straight to
 * Jackson's generator, without the serializer look-up ObjectMapper makes for every map, key and value; any other value
 * is handed to the mapper where it stands. The bytes are those {@link ObjectMapper#writeValueAsBytes} gives when the
 * mapper writes these values as Jackson does by default, which only the component's own mapper is known to do: an
 * application's ObjectMapper may write a string or a map its own way, so it is used as it is instead.
 */
public final class PlainJsonWriter {

    private final ObjectMapper mapper;

    public PlainJsonWriter(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** A map whose keys are not all text: its JSON is the mapper's to write, and so is the whole value's. */
    private static final class KeyNotText extends RuntimeException {

        private static final KeyNotText FOUND = new KeyNotText();

        private KeyNotText() {
            super(null, null, false, false);
        }
    }

    /** The value as UTF-8 JSON, in the mapper's generator (so with its escaping and number features). */
    public byte[] write(Object value) throws IOException {
        try {
            return writePlain(value);
        } catch (KeyNotText found) {
            // Jackson's key serializers decide the text of a number or an enum key, or refuse a null one
            return mapper.writeValueAsBytes(value);
        }
    }

    private byte[] writePlain(Object value) throws IOException {
        Output output = new Output();
        // the generator writes into its own recycled buffer and hands the message over when closed
        try (JsonGenerator generator = mapper.createGenerator(output, JsonEncoding.UTF8)) {
            value(generator, value);
        }
        return output.toByteArray();
    }

    /**
     * What the generator hands over: most messages fit its buffer and come in one write, kept at their exact size; a
     * longer one comes in several. ObjectMapper's own ByteArrayBuilder copies each message once more, and walks a list
     * of past blocks each time, for nothing at this size.
     */
    private static final class Output extends OutputStream {

        private byte[] bytes = new byte[0];
        private int length;

        @Override
        public void write(int b) {
            ensureRoom(1);
            bytes[length++] = (byte) b;
        }

        @Override
        public void write(byte[] source, int offset, int count) {
            if (length == 0) {
                bytes = Arrays.copyOfRange(source, offset, offset + count);
                length = count;
                return;
            }
            ensureRoom(count);
            System.arraycopy(source, offset, bytes, length, count);
            length += count;
        }

        private void ensureRoom(int count) {
            if (length + count > bytes.length) {
                bytes = Arrays.copyOf(bytes, Math.max(length + count, bytes.length * 2));
            }
        }

        byte[] toByteArray() {
            return length == bytes.length ? bytes : Arrays.copyOf(bytes, length);
        }
    }

    /**
     * Classes are compared before any interface is tested: a test against Map, then List, of the same class from one
     * place makes the JVM scan that class's interfaces again every time.
     */
    private void value(JsonGenerator generator, Object value) throws IOException {
        Class<?> type = value == null ? null : value.getClass();
        if (type == null) {
            generator.writeNull();
        } else if (type == String.class) {
            generator.writeString((String) value);
        } else if (type == LinkedHashMap.class || type == HashMap.class) {
            object(generator, (Map<?, ?>) value);
        } else if (type == ArrayList.class) {
            array(generator, (List<?>) value);
        } else if (type == Integer.class) {
            generator.writeNumber(((Integer) value).intValue());
        } else if (type == Double.class) {
            generator.writeNumber(((Double) value).doubleValue());
        } else if (type == Long.class) {
            generator.writeNumber(((Long) value).longValue());
        } else if (type == Boolean.class) {
            generator.writeBoolean((Boolean) value);
        } else if (type == BigDecimal.class) {
            generator.writeNumber((BigDecimal) value);
        } else if (type == BigInteger.class) {
            generator.writeNumber((BigInteger) value);
        } else if (value instanceof Map<?, ?> map && isJdk(type)) {
            object(generator, map);
        } else if (value instanceof List<?> list && isJdk(type)) {
            array(generator, list);
        } else {
            // a date, a bean, a set, an array, a map of another library: the mapper's serializers decide
            mapper.writeValue(generator, value);
        }
    }

    private void object(JsonGenerator generator, Map<?, ?> map) throws IOException {
        generator.writeStartObject(map, map.size());
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            if (!(entry.getKey() instanceof String key)) {
                throw KeyNotText.FOUND;
            }
            generator.writeFieldName(key);
            value(generator, entry.getValue());
        }
        generator.writeEndObject();
    }

    private void array(JsonGenerator generator, List<?> list) throws IOException {
        generator.writeStartArray(list, list.size());
        for (Object element : list) {
            value(generator, element);
        }
        generator.writeEndArray();
    }

    /** Collections of other libraries may have serializers of their own. */
    private static boolean isJdk(Class<?> type) {
        return type.getName().startsWith("java.util.");
    }
}
