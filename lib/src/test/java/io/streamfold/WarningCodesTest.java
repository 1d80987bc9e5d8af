package io.streamfold;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Warning codes are a closed, stable set: the folders name them by id ({@code diag.warn("truncated", ...)}),
 * and every id they use must be a {@link Warning.Code}, or the fold would fail at its first such warning.
 */
class WarningCodesTest {

    private static final Path SOURCES = Path.of("src/main/java");

    @Test
    void everyIdIsKebabCaseAndReadsBack() {
        for (Warning.Code code : Warning.Code.values()) {
            assertThat(code.id()).as(code.name()).matches("[a-z]+(-[a-z]+)*");
            assertThat(Warning.Code.of(code.id())).isSameAs(code);
            assertThat(Warning.Code.of(code.name())).isSameAs(code);
            assertThat(code).hasToString(code.id());
        }
    }

    @Test
    void anUnknownIdFailsLoudly() {
        assertThatThrownBy(() -> Warning.Code.of("system_fingerprint-changed"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Unknown warning code 'system_fingerprint-changed'");
    }

    @Test
    void everyCodeTheLibraryEmitsIsACode() throws IOException {
        Map<String, String> literal = new TreeMap<>();
        List<String> computed = new ArrayList<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String source = Files.readString(file);
                for (List<String> args : warnCalls(source)) {
                    String code = args.size() >= 3 ? args.get(1) : args.get(0);
                    if (code.matches("\"[^\"]*\"")) {
                        literal.put(code.substring(1, code.length() - 1), file.getFileName().toString());
                    } else {
                        computed.add(file.getFileName() + ": " + code);
                    }
                }
            }
        }
        assertThat(literal).as("codes found in the sources").hasSizeGreaterThan(20);
        for (Map.Entry<String, String> e : literal.entrySet()) {
            assertThat(Warning.Code.of(e.getKey())).as("%s in %s", e.getKey(), e.getValue()).isNotNull();
        }
        // The only computed code: a header field's name, kebab-cased, + "-changed".
        assertThat(computed).containsExactly("HeaderField.java: name.replace('_', '-') + \"-changed\"");
        for (String field : List.of("id", "model", "system_fingerprint", "service_tier")) {
            assertThat(Warning.Code.of(field.replace('_', '-') + "-changed")).isNotNull();
        }
    }

    @Test
    void aChangedHeaderIsReportedByItsCode() {
        String stream = "{\"id\":\"a\",\"object\":\"chat.completion.chunk\",\"model\":\"m-1\","
                + "\"choices\":[{\"index\":0,\"delta\":{\"content\":\"x\"}}]}\n"
                + "{\"id\":\"a\",\"object\":\"chat.completion.chunk\",\"model\":\"m-2\","
                + "\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"stop\"}]}\n";
        Completion c = ChunkAssembler.assemble(stream.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(c.warnings()).extracting(Warning::code).containsExactly(Warning.Code.MODEL_CHANGED);
        assertThat(c.warnings().get(0)).hasToString(
                "model-changed (chunk 2): the stream's model changed from 'm-1' to 'm-2'; the first is kept");
        assertThat(c.hasWarning("model-changed")).isTrue();
        assertThat(c.hasWarning(Warning.Code.MODEL_CHANGED)).isTrue();
    }

    /** The top-level arguments of every {@code .warn(...)} call, as source text. */
    private static List<List<String>> warnCalls(String source) {
        List<List<String>> calls = new ArrayList<>();
        for (int at = source.indexOf(".warn("); at >= 0; at = source.indexOf(".warn(", at + 1)) {
            List<String> args = new ArrayList<>();
            int depth = 0;
            StringBuilder arg = new StringBuilder();
            for (int i = at + ".warn(".length(); i < source.length(); i++) {
                char ch = source.charAt(i);
                if (ch == '"' || ch == '\'') {
                    int end = i + 1;
                    while (source.charAt(end) != ch) {
                        end += source.charAt(end) == '\\' ? 2 : 1;
                    }
                    arg.append(source, i, end + 1);
                    i = end;
                    continue;
                }
                if (ch == '(') {
                    depth++;
                } else if (ch == ')' && depth-- == 0) {
                    args.add(arg.toString().trim());
                    break;
                } else if (ch == ',' && depth == 0) {
                    args.add(arg.toString().trim());
                    arg.setLength(0);
                    continue;
                }
                arg.append(ch);
            }
            calls.add(args);
        }
        return calls;
    }
}
