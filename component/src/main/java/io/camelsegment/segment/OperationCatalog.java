package io.camelsegment.segment;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camelsegment.segment.OptionUse.Need;

/**
 * What the operation rows ({@link SegmentOperation#optionUses()}) say about options, worded for the catalog and the
 * reference: which operations read each option and how much they need it. The build runs {@link #main(String[])} on the
 * generated {@code segment.json} right after camel-component-maven-plugin writes it, so the descriptions a designer's
 * form shows are generated from the rows, never written per option.
 */
public final class OperationCatalog {

    /** Where the generated text starts in a description: what comes before is the annotation's. */
    static final String OPERATIONS = " Operations: ";
    static final String OPERATION_LIST = " Tracking API operations (writeKey): ";

    private static final Pattern SECTION = Pattern.compile("^  \"(\\w+)\": \\{\\s*$");
    private static final Pattern OPTION_LINE = Pattern.compile("^    \"(\\w+)\": \\{ .*");
    private static final Pattern DESCRIPTION = Pattern.compile("\"description\": (\"(?:[^\"\\\\]|\\\\.)*\")");
    private static final ObjectMapper JSON = new ObjectMapper();

    private OperationCatalog() {
    }

    /**
     * For each option some operation reads, the sentence naming those operations grouped by need, e.g. {@code
     * Operations: addLabelsToSource, deleteSource (required).}
     */
    public static Map<String, String> operationsByOption() {
        return sentences(OptionUse.From.HEADER);
    }

    /** For each header some operation reads, the sentence naming those operations grouped by need. */
    public static Map<String, String> operationsByHeader() {
        Map<String, String> byHeader = new LinkedHashMap<>();
        sentences(OptionUse.From.OPTION).forEach((option, sentence) -> byHeader.put(SegmentConstants.headerFor(option), sentence));
        return byHeader;
    }

    private static Map<String, String> sentences(OptionUse.From not) {
        Map<String, Map<Need, List<String>>> byOption = new LinkedHashMap<>();
        for (SegmentOperation operation : SegmentOperation.values()) {
            for (OptionUse use : operation.optionUses()) {
                if (use.from() == not) {
                    continue;
                }
                byOption.computeIfAbsent(use.option(), o -> new LinkedHashMap<>())
                        .computeIfAbsent(use.need(), n -> new ArrayList<>()).add(operation.toString());
            }
        }
        Map<String, String> sentences = new LinkedHashMap<>();
        byOption.forEach((option, byNeed) -> sentences.put(option, "Operations: " + Arrays.stream(Need.values())
                .filter(byNeed::containsKey)
                .map(need -> String.join(", ", byNeed.get(need)) + " (" + need.text() + ")")
                .collect(Collectors.joining("; ")) + "."));
        return sentences;
    }

    /** The operations of each API, for the component's description. */
    public static String operationList() {
        return "Tracking API operations (writeKey): " + names(true) + ". Public API operations (token): " + names(false) + ".";
    }

    /** Each operation with the options it cannot do without, for the operation option's description. */
    public static String requiredOptions() {
        return "Operations: each one with what it requires: " + Arrays.stream(SegmentOperation.values())
                .map(operation -> operation + " (" + operation.optionUses().stream()
                        .filter(use -> use.need() != Need.OPTIONAL)
                        .map(use -> switch (use.need()) {
                            case REQUIRED_UNLESS_IN_BODY -> use.option() + "+";
                            case USER_OR_ANONYMOUS_ID -> "userId or anonymousId+";
                            default -> use.option();
                        })
                        .distinct()
                        .collect(Collectors.joining(", ")) + ")")
                .collect(Collectors.joining(", "))
               + ". + from the option, its header or the body.";
    }

    private static String names(boolean tracking) {
        return Arrays.stream(SegmentOperation.values()).filter(op -> op.trackingCall().isPresent() == tracking)
                .map(SegmentOperation::toString).collect(Collectors.joining(", "));
    }

    /**
     * Adds the generated sentences to the descriptions of {@code segment.json} (the path is the only argument), keeping
     * the file's layout: the component's description gets the operation list, the operation option what each operation
     * requires, and every option and header some operation reads the operations that read it.
     */
    public static void main(String[] args) throws IOException {
        Path file = Path.of(args[0]);
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        Files.writeString(file, String.join("\n", enrich(lines)) + "\n", StandardCharsets.UTF_8);
    }

    static List<String> enrich(List<String> lines) {
        Map<String, String> byOption = operationsByOption();
        Map<String, String> byHeader = operationsByHeader();
        List<String> enriched = new ArrayList<>(lines.size());
        String section = "";
        for (String line : lines) {
            Matcher sectionStart = SECTION.matcher(line);
            if (sectionStart.matches()) {
                section = sectionStart.group(1);
            }
            Matcher option = OPTION_LINE.matcher(line);
            if (section.equals("component") && line.startsWith("    \"description\": ")) {
                enriched.add(withSentence(line, OPERATION_LIST, operationList()));
            } else if (option.matches() && section.equals("properties") && option.group(1).equals("operation")) {
                enriched.add(withSentence(line, OPERATIONS, requiredOptions()));
            } else if (option.matches() && section.equals("headers") && byHeader.containsKey(option.group(1))) {
                enriched.add(withSentence(line, OPERATIONS, byHeader.get(option.group(1))));
            } else if (option.matches() && !section.equals("headers") && byOption.containsKey(option.group(1))) {
                enriched.add(withSentence(line, OPERATIONS, byOption.get(option.group(1))));
            } else {
                enriched.add(line);
            }
        }
        return enriched;
    }

    /** The line with the sentence after the description's own text, replacing a sentence added before. */
    private static String withSentence(String line, String marker, String sentence) {
        Matcher description = DESCRIPTION.matcher(line);
        if (!description.find()) {
            throw new IllegalStateException("No description in " + line);
        }
        try {
            String own = JSON.readValue(description.group(1), String.class);
            int previous = own.indexOf(marker);
            String text = (previous >= 0 ? own.substring(0, previous) : own) + " " + sentence.strip();
            String json = JSON.writeValueAsString(text).replace("/", "\\/");
            return line.substring(0, description.start(1)) + json + line.substring(description.end(1));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Unreadable description in " + line, e);
        }
    }
}
