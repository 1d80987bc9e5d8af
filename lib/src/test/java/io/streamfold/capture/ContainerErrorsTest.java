package io.streamfold.capture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamfold.AssemblerOptions;
import io.streamfold.AssemblyException;
import io.streamfold.ChunkAssembler;
import io.streamfold.Completion;
import io.streamfold.Problem;
import io.streamfold.TestRecordings;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A damaged container, or a damaged body inside one, is a located error that says what to do. */
class ContainerErrorsTest {

    @TempDir
    Path dir;

    private Path write(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
        return file;
    }

    private static AssemblyException failure(Path file) {
        try {
            ChunkAssembler.assemble(file);
        } catch (AssemblyException e) {
            return e;
        }
        throw new AssertionError("no error for " + file);
    }

    @Test
    void malformedYamlIsLocatedAtItsLine() throws IOException {
        Path file = write("broken.yaml", """
                interactions:
                - request:
                    method: POST
                    uri: https://api.openai.com/v1/chat/completions
                  response:
                    body: {string: 'data: {}
                    status: [code: 200
                version: 1
                """);
        AssemblyException e = failure(file);
        assertThat(e.kind()).isEqualTo(Problem.Kind.MALFORMED);
        assertThat(e.getMessage()).contains("Malformed YAML", file.toString());
        assertThat(e.line()).isGreaterThan(5);
    }

    @Test
    void malformedHarJsonIsLocated() throws IOException {
        Path file = write("broken.har", "{\"log\": {\"version\": \"1.2\", \"entries\": [\n  {\"request\": {\"method\": \"POST\",, }}]}}");
        AssemblyException e = failure(file);
        assertThat(e.kind()).isEqualTo(Problem.Kind.MALFORMED);
        assertThat(e.line()).isEqualTo(2);
        assertThat(e.source()).isEqualTo(file.toString());
    }

    @Test
    void anInteractionWithoutAResponseNamesItsPath() throws IOException {
        Path file = write("no-response.yaml", """
                interactions:
                - request:
                    method: POST
                    uri: https://api.openai.com/v1/chat/completions
                - request:
                    method: POST
                    uri: https://api.openai.com/v1/chat/completions
                  response: gone
                version: 1
                """);
        AssemblyException e = failure(file);
        assertThat(e.kind()).isEqualTo(Problem.Kind.UNEXPECTED);
        assertThat(e.path()).isEqualTo("$.interactions[0]");
        assertThat(e.line()).isEqualTo(2);
        assertThat(e.getMessage()).contains("Expected a response object");
    }

    @Test
    void aDamagedStreamInACassetteNamesTheEntryAndTheChunk() throws IOException {
        String sse = "data: {\"id\":\"c1\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"m\","
                + "\"choices\":[{\"index\":0,\"delta\":{\"content\":\"Hi\"},\"finish_reason\":null}]}\n\n"
                + "data: {\"id\":\"c1\",\"object\":\"chat.completion.chunk\",\"choices\":[{\"index\":0,\"delta\":"
                + "{\"content\":7},\"finish_reason\":null}]}\n\n";
        Path file = dir.resolve("damaged.json");
        Files.writeString(file, "{\"interactions\": [{\"request\": {\"method\": \"POST\", \"uri\": \"https://x/v1/chat/completions\"},"
                + "\n \"response\": {\"status\": {\"code\": 200}, \"body\": {\"string\": " + quote(sse) + "}}}], \"version\": 1}");
        AssemblyException e = failure(file);
        assertThat(e.getMessage()).contains("entry 0 (line 1)", "$.interactions[0].response.body", "chunk 2",
                "$.choices[0].delta.content");

        Completion lenient = ChunkAssembler.assemble(file, AssemblerOptions.defaults().withLenient(true));
        assertThat(lenient.text()).isEqualTo("Hi");
        assertThat(lenient.incomplete()).isTrue();
        assertThat(lenient.problems()).hasSize(1);
    }

    @Test
    void aMissingBodyFileNamesTheFileAndWhereWireMockLooks() throws IOException {
        Path stub = write("wm/mappings/chat.json", """
                {"request": {"method": "POST", "urlPath": "/v1/chat/completions"},
                 "response": {"status": 200, "bodyFileName": "streams/missing.sse"}}
                """);
        AssemblyException e = failure(stub);
        assertThat(e.kind()).isEqualTo(Problem.Kind.IO);
        assertThat(e.path()).isEqualTo("$.response.bodyFileName");
        assertThat(e.getMessage()).contains(dir.resolve("wm/__files/streams/missing.sse").toString(), "__files");
    }

    @Test
    void aBodyFileFromBytesAloneSaysToAssembleTheFile() {
        byte[] stub = """
                {"request": {"method": "POST", "urlPath": "/v1/chat/completions"},
                 "response": {"status": 200, "bodyFileName": "chat.sse"}}
                """.getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> ChunkAssembler.assemble(stub)).isInstanceOfSatisfying(AssemblyException.class,
                e -> assertThat(e.getMessage()).contains("assemble the file, not its bytes"));
    }

    @Test
    void damagedGzipIsMalformed() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(Files.readAllBytes(TestRecordings.path("containers/vcrpy-chat.yaml")));
        }
        byte[] cut = Arrays.copyOf(out.toByteArray(), out.size() / 2);
        assertThatThrownBy(() -> ChunkAssembler.assemble(cut)).isInstanceOfSatisfying(AssemblyException.class,
                e -> assertThat(e.kind()).isIn(Problem.Kind.MALFORMED, Problem.Kind.IO));
    }

    @Test
    void aContainerWithNoLlmResponseIsNotAStream() throws IOException {
        Path file = write("models.har", """
                {"log": {"version": "1.2", "entries": [
                  {"request": {"method": "GET", "url": "https://api.openai.com/v1/models"},
                   "response": {"status": 200, "content": {"mimeType": "application/json",
                     "text": "{\\"object\\":\\"list\\",\\"data\\":[]}"}}},
                  {"request": {"method": "GET", "url": "https://example.com/"},
                   "response": {"status": 200, "content": {"mimeType": "text/html", "text": "<html></html>"}}}]}}
                """);
        assertThat(Containers.all(file, AssemblerOptions.defaults())).isEmpty();
        AssemblyException e = failure(file);
        assertThat(e.kind()).isEqualTo(Problem.Kind.NOT_A_STREAM);
        assertThat(e.getMessage()).contains("no LLM response");
    }

    @Test
    void withoutYamlOnTheClassPathACassetteNamesTheArtifactToAdd() throws Exception {
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        String withoutYaml = Arrays.stream(classPath.split(File.pathSeparator))
                .filter(entry -> !entry.contains("jackson-dataformat-yaml") && !entry.contains("snakeyaml"))
                .collect(Collectors.joining(File.pathSeparator));
        assertThat(withoutYaml).isNotEqualTo(classPath);
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> lines = run(java.toString(), "-cp", withoutYaml, AssembleMain.class.getName(),
                TestRecordings.path("containers/ruby-vcr-chat.yml").toString());
        assertThat(lines).singleElement().asString()
                .startsWith("IO: Reading a YAML cassette needs jackson-dataformat-yaml")
                .contains("com.fasterxml.jackson.dataformat:jackson-dataformat-yaml", "ruby-vcr-chat.yml");
        // a JSON cassette needs no YAML
        assertThat(run(java.toString(), "-cp", withoutYaml, AssembleMain.class.getName(),
                TestRecordings.path("containers/ruby-vcr-chat.json").toString()))
                .containsExactly("text: The capital of France is Paris.");
    }

    private static List<String> run(String... command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return out.lines().toList();
    }

    private static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
    }
}
