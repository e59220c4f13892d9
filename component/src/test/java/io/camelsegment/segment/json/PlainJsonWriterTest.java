package io.camelsegment.segment.json;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.InvalidDefinitionException;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.apache.camel.util.CaseInsensitiveMap;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PlainJsonWriterTest {

    private final ObjectMapper mapper = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    private final PlainJsonWriter writer = new PlainJsonWriter(mapper);

    public record Order(String orderId, double total) {
    }

    @Test
    void plainValuesAreWrittenByteForByteAsTheMapperWritesThem() throws Exception {
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("text", "Zoë \"quoted\" \\ \n\t\u0001 \u2028 😀 </script>");
        message.put("int", -42);
        message.put("long", Long.MAX_VALUE);
        message.put("double", 27.5);
        message.put("tiny", 1.0E-12);
        message.put("notANumber", Double.NaN);
        message.put("infinite", Double.NEGATIVE_INFINITY);
        message.put("true", true);
        message.put("decimal", new BigDecimal("1E+3"));
        message.put("big", new BigInteger("123456789012345678901234567890"));
        message.put("none", null);
        message.put("list", new ArrayList<>(Arrays.asList(1, "two", null, List.of(), Map.of())));
        message.put("immutable", Map.of("name", "camel-segment"));
        message.put("sorted", new TreeMap<>(Map.of("b", 2, "a", 1)));

        assertWrittenAsByTheMapper(message);
    }

    @Test
    void aMessageLongerThanTheGeneratorsBufferIsWrittenWhole() throws Exception {
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("long", "é".repeat(9_000));
        message.put("items", new ArrayList<>(Collections.nCopies(2_000, "item")));

        assertWrittenAsByTheMapper(message);
        assertThat(writer.write(message).length).isGreaterThan(30_000);
    }

    @Test
    void otherValuesAreWrittenByTheMapperWhereTheyStand() throws Exception {
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("when", OffsetDateTime.of(2024, 5, 1, 12, 0, 0, 0, ZoneOffset.UTC));
        message.put("day", LocalDate.of(2024, 5, 1));
        message.put("id", UUID.fromString("0b8e6a8e-3f1c-4a53-9e53-5a3f8e1c2d4b"));
        message.put("float", 0.1f);
        message.put("short", (short) 7);
        message.put("bean", new Order("o-1", 27.5));
        message.put("set", Set.of("only"));
        message.put("array", new Object[] { 1, "x" });
        message.put("numberKeys", Map.of(1, "one"));
        message.put("camelMap", new CaseInsensitiveMap(Map.of("Key", "v")));

        assertWrittenAsByTheMapper(message);
    }

    @Test
    void aMapWithKeysOtherThanTextIsWrittenByTheMapperKeysAndAll() throws Exception {
        Map<Object, Object> numbered = new LinkedHashMap<>();
        numbered.put("first", "text key");
        numbered.put(2, "number key");
        Map<String, Object> message = new LinkedHashMap<>(Map.of("userId", "u-1"));
        message.put("properties", new LinkedHashMap<>(Map.of("byPosition", numbered)));

        assertWrittenAsByTheMapper(message);
        assertThat(new String(writer.write(message), StandardCharsets.UTF_8)).contains("\"2\":\"number key\"");
    }

    @Test
    void aValueTheMapperCannotWriteFailsAsItWouldWithTheMapper() {
        Map<String, Object> message = Map.of("stream", new Object());

        assertThatThrownBy(() -> writer.write(message)).isInstanceOf(InvalidDefinitionException.class)
                .hasMessageStartingWith("No serializer found for class java.lang.Object");
    }

    private void assertWrittenAsByTheMapper(Object value) throws Exception {
        String expected = new String(mapper.writeValueAsBytes(value), StandardCharsets.UTF_8);
        assertThat(new String(writer.write(value), StandardCharsets.UTF_8)).isEqualTo(expected);
    }
}
