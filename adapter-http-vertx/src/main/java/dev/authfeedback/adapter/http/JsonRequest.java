package dev.authfeedback.adapter.http;

import static dev.authfeedback.adapter.http.HttpFrameworkException.SERIALIZATION;
import static dev.authfeedback.adapter.http.HttpFrameworkException.badRequest;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import java.io.IOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A request body read as a JSON object, with typed access to its members. Anything that is not a
 * single JSON object, a duplicate key, a member of the wrong JSON type, or input past the parser's
 * bounds (nesting depth, number length) is a SerializationException; null members count as absent.
 */
final class JsonRequest {

    static final int MAX_DEPTH = 32;
    private static final String NOT_JSON = "The request body is not valid JSON.";

    // duplicate keys are found by the member map itself: Jackson's detection keeps a set per object
    private static final JsonFactory FACTORY = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNestingDepth(MAX_DEPTH)
                    .maxNumberLength(64)
                    .build())
            .build();

    private final Map<String, Object> members;
    private final String path;
    private final String sourceAddress;

    private JsonRequest(Map<String, Object> members, String path, String sourceAddress) {
        this.members = members;
        this.path = path;
        this.sourceAddress = sourceAddress;
    }

    private JsonRequest(Map<String, Object> members, String path) {
        this(members, path, null);
    }

    /** Parses a body that came from {@code sourceAddress} (null: unknown); an empty body is {@code {}}. */
    static JsonRequest parse(byte[] body, String sourceAddress) {
        if (body.length == 0) {
            return new JsonRequest(Map.of(), "", sourceAddress);
        }
        try (JsonParser parser = FACTORY.createParser(body)) {
            JsonToken first = parser.nextToken();
            if (first != JsonToken.START_OBJECT) {
                throw badRequest(SERIALIZATION, "The request body must be a JSON object.");
            }
            Map<String, Object> members = readObject(parser);
            if (parser.nextToken() != null) {
                throw badRequest(SERIALIZATION, "Unexpected content after the JSON object.");
            }
            return new JsonRequest(members, "", sourceAddress);
        } catch (StreamConstraintsException tooBig) {
            throw badRequest(SERIALIZATION, "The request body exceeds a JSON limit: nesting deeper than "
                    + MAX_DEPTH + " or a number longer than 64 digits.");
        } catch (IOException unreadable) {
            throw badRequest(SERIALIZATION, NOT_JSON);
        }
    }

    /** The caller's IP address, or null when unknown. */
    String sourceAddress() {
        return sourceAddress;
    }

    private static Map<String, Object> readObject(JsonParser parser) throws IOException {
        Map<String, Object> members = new HashMap<>();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            parser.nextToken();
            int before = members.size();
            members.put(name, readValue(parser));
            if (members.size() == before) {
                throw badRequest(SERIALIZATION, NOT_JSON);
            }
        }
        return members;
    }

    private static Object readValue(JsonParser parser) throws IOException {
        JsonToken token = parser.currentToken();
        switch (token) {
            case START_OBJECT:
                return readObject(parser);
            case START_ARRAY:
                List<Object> elements = new ArrayList<>();
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    elements.add(readValue(parser));
                }
                return elements;
            case VALUE_STRING:
                return parser.getText();
            case VALUE_NUMBER_INT:
                return parser.getBigIntegerValue();
            case VALUE_NUMBER_FLOAT:
                return parser.getDecimalValue();
            case VALUE_TRUE:
                return Boolean.TRUE;
            case VALUE_FALSE:
                return Boolean.FALSE;
            case VALUE_NULL:
                return null;
            default:
                throw badRequest(SERIALIZATION, NOT_JSON);
        }
    }

    String string(String member) {
        Object value = members.get(member);
        if (value == null || value instanceof String) {
            return (String) value;
        }
        throw wrongType(member, "a string");
    }

    Integer integer(String member) {
        Object value = members.get(member);
        if (value == null) {
            return null;
        }
        if (value instanceof BigInteger number && number.bitLength() < 32) {
            return number.intValue();
        }
        throw wrongType(member, "an integer");
    }

    Boolean bool(String member) {
        Object value = members.get(member);
        if (value == null || value instanceof Boolean) {
            return (Boolean) value;
        }
        throw wrongType(member, "a boolean");
    }

    /** A nested structure, or null when absent. */
    JsonRequest structure(String member) {
        Object value = members.get(member);
        if (value == null) {
            return null;
        }
        if (value instanceof Map<?, ?> map) {
            @SuppressWarnings("unchecked")
            Map<String, Object> nested = (Map<String, Object>) map;
            return new JsonRequest(nested, path + member + ".");
        }
        throw wrongType(member, "an object");
    }

    /** A list of strings, or null when absent; null elements are kept for validation to report. */
    List<String> strings(String member) {
        return list(member, (element, index) -> {
            if (element == null || element instanceof String) {
                return (String) element;
            }
            throw wrongType(member + "[" + index + "]", "a string");
        });
    }

    /** A list of structures mapped by {@code read}, or null when absent. */
    <T> List<T> structures(String member, Function<JsonRequest, T> read) {
        return list(member, (element, index) -> {
            if (element == null) {
                return null;
            }
            if (element instanceof Map<?, ?> map) {
                @SuppressWarnings("unchecked")
                Map<String, Object> nested = (Map<String, Object>) map;
                return read.apply(new JsonRequest(nested, path + member + "[" + index + "]."));
            }
            throw wrongType(member + "[" + index + "]", "an object");
        });
    }

    private interface ElementReader<T> {
        T read(Object element, int index);
    }

    private <T> List<T> list(String member, ElementReader<T> reader) {
        Object value = members.get(member);
        if (value == null) {
            return null;
        }
        if (!(value instanceof List<?> elements)) {
            throw wrongType(member, "a list");
        }
        List<T> read = new ArrayList<>(elements.size());
        for (int i = 0; i < elements.size(); i++) {
            read.add(reader.read(elements.get(i), i));
        }
        return read;
    }

    private HttpFrameworkException wrongType(String member, String expected) {
        return badRequest(SERIALIZATION, "Member '" + path + member + "' must be " + expected + ".");
    }
}
