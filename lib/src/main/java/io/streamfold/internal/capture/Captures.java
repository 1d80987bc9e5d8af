package io.streamfold.internal.capture;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import io.streamfold.AssemblerOptions;
import io.streamfold.AssemblyException;
import io.streamfold.Completion;
import io.streamfold.Problem;
import io.streamfold.Source;
import io.streamfold.internal.parsing.ListenerFailure;
import io.streamfold.internal.parsing.Parsers;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.zip.GZIPInputStream;

/**
 * The container layer, above the reading pipeline: tells whether an input is gzip, a container of
 * HTTP exchanges (VCR cassette, HAR, WireMock stubs, python-genai replay) or a recording the
 * pipeline reads as it is, and gives every LLM response it holds, each with its {@link Source}.
 * A plain recording is streamed to the pipeline untouched; a container is read whole and each
 * exchange's body is folded by {@link ExchangeFolder}.
 */
public final class Captures {

    private static final int HEAD = 8192;
    /** gzip inside gzip inside gzip is a damaged or hostile file, not a recording. */
    private static final int MAX_GZIP_LAYERS = 3;

    private Captures() {
    }

    /** Every LLM response of the input, in order; {@code file} finds a stub's {@code __files}, or is null. */
    public static List<Completion> assembleAll(InputStream in, AssemblerOptions options, Path file) {
        return readOrUnread(options, () -> read(in, options, file, 0, true));
    }

    /** Every LLM response of the bytes, in order. */
    public static List<Completion> assembleAll(byte[] bytes, AssemblerOptions options, Path file) {
        return readOrUnread(options, () -> read(bytes, options, file, true));
    }

    /**
     * The one response of the input: several are a located error (lenient: the first, with a
     * problem), the pipeline's own for a plain recording.
     */
    public static Completion assemble(InputStream in, AssemblerOptions options, Path file) {
        return ExchangeFolder.one(readOrUnread(options, () -> read(in, options, file, 0, false)), options);
    }

    /** The one response of the bytes. */
    public static Completion assemble(byte[] bytes, AssemblerOptions options, Path file) {
        return ExchangeFolder.one(readOrUnread(options, () -> read(bytes, options, file, false)), options);
    }

    /**
     * Reads; in lenient mode a container that cannot be read at all (damaged YAML or gzip, a body
     * still compressed) is one completion, empty and incomplete, with the problem, as the pipeline
     * gives for a recording broken at its first byte. Not being a stream is an error either way.
     */
    private static List<Completion> readOrUnread(AssemblerOptions options, Supplier<List<Completion>> read) {
        try {
            return options.lenient() ? unreadIfDamaged(options, read) : read.get();
        } catch (ListenerFailure e) {
            throw e.unwrap(); // the listener's, as it threw it; never a completion of a damaged container
        }
    }

    private static List<Completion> unreadIfDamaged(AssemblerOptions options, Supplier<List<Completion>> read) {
        try {
            return read.get();
        } catch (AssemblyException e) {
            if (e.kind() == Problem.Kind.NOT_A_STREAM) {
                throw e;
            }
            return List.of(new Completion(null, null, null, null, null, null, List.of(), null, Map.of(), 0, true, List.of(),
                    List.of(e.problem()), true, new Source(options.source(), null, null, null, null, null)));
        }
    }

    /** What reading one response of a container that holds none throws (assembleAll gives none). */
    public static AssemblyException noResponse(AssemblerOptions options) {
        return ExchangeFolder.noResponse(options);
    }

    /**
     * What the head of an input read as it arrives tells, as reading a stream tells it: whether
     * it is gzip or a container of exchanges, read whole ({@link #assembleAll(byte[], AssemblerOptions, Path)});
     * else the source a plain recording's completions have (a llama-stack recording's test_id and request).
     *
     * @param container whether the input is read whole
     * @param source the plain recording's source, or null for a container
     */
    public record Head(boolean container, Source source) {
    }

    /** What {@code head[0, n)} tells of the input, or null while more bytes could change it and more may come. */
    public static Head head(byte[] head, int n, boolean ended, AssemblerOptions options) {
        Sniffer.Sniff sniff = Sniffer.sniff(head, Math.min(n, HEAD), ended || n >= HEAD);
        if (sniff == null) {
            return null;
        }
        boolean container = sniff.kind() != Sniffer.Kind.PLAIN;
        return new Head(container, container ? null : ExchangeFolder.plainSource(options, sniff));
    }

    private static List<Completion> read(byte[] bytes, AssemblerOptions options, Path file, boolean all) {
        Sniffer.Sniff sniff = Sniffer.sniff(bytes, Math.min(bytes.length, HEAD));
        if (sniff.kind() == Sniffer.Kind.PLAIN) {
            return ExchangeFolder.plain(bytes, options, sniff, all);
        }
        return read(new ByteArrayInputStream(bytes), options, file, 0, all);
    }

    /** {@code all}: every response of a plain recording; else its one, as the pipeline's assemble gives it. */
    private static List<Completion> read(InputStream in, AssemblerOptions options, Path file, int gzipLayers,
            boolean all) {
        try {
            byte[] head = new byte[HEAD];
            int n = 0;
            Sniffer.Sniff sniff = null;
            while (sniff == null) {
                int r = n < HEAD ? in.read(head, n, HEAD - n) : -1;
                if (r > 0) {
                    n += r;
                }
                sniff = Sniffer.sniff(head, n, r < 0);
            }
            InputStream whole = new SequenceInputStream(new ByteArrayInputStream(head, 0, n), in);
            switch (sniff.kind()) {
                case GZIP:
                    if (gzipLayers >= MAX_GZIP_LAYERS) {
                        throw new AssemblyException(new Problem(Problem.Kind.MALFORMED, "Expected a recording inside"
                                + " the gzip but found gzip " + (gzipLayers + 1) + " layers deep", options.source(), 0,
                                -1, -1, 0, null), null);
                    }
                    return read(new GZIPInputStream(whole), options, file, gzipLayers + 1, all);
                case YAML:
                    return container(yamlTree(whole.readAllBytes(), options), options, file, null, all);
                case JSON: {
                    byte[] bytes = whole.readAllBytes();
                    return container(jsonTree(bytes, options), options, file, bytes, all);
                }
                default:
                    return ExchangeFolder.plain(whole, options, sniff, all);
            }
        } catch (java.util.zip.ZipException e) {
            throw new AssemblyException(new Problem(Problem.Kind.MALFORMED, "Expected gzip that inflates but found"
                    + " damaged gzip (" + e.getMessage() + ")", options.source(), 0, -1, -1, -1, null), e);
        } catch (IOException e) {
            throw new AssemblyException(new Problem(Problem.Kind.IO, "Could not read the input: " + e.getMessage(),
                    options.source(), 0, -1, -1, -1, null), e);
        }
    }

    /** The exchanges of a container tree, folded; JSON that proves no container goes to the pipeline whole. */
    private static List<Completion> container(Object root, AssemblerOptions options, Path file, byte[] json,
            boolean all) {
        String source = options.source();
        if (root instanceof Tree.Obj obj) {
            if (HarArchive.is(obj)) {
                return ExchangeFolder.all(HarArchive.exchanges(obj, source), Source.Container.HAR, options);
            }
            if (GenaiReplay.is(obj)) {
                return ExchangeFolder.all(GenaiReplay.exchanges(obj, source), Source.Container.GENAI_REPLAY, options);
            }
            if (VcrCassette.is(obj)) {
                return ExchangeFolder.all(VcrCassette.exchanges(obj, source), VcrCassette.kind(obj), options);
            }
            if (WireMockStubs.is(obj)) {
                return ExchangeFolder.all(WireMockStubs.exchanges(obj, source, file), Source.Container.WIREMOCK,
                        options);
            }
        }
        if (json != null) {
            return ExchangeFolder.plain(json, options, Sniffer.Sniff.PLAIN, all);
        }
        Tree.At at = root instanceof Tree.Obj o ? o.at : null;
        throw Located.unexpected(source, at, "Expected a VCR cassette (interactions or http_interactions, a list) but"
                + " found YAML that is none");
    }

    private static Object jsonTree(byte[] bytes, AssemblerOptions options) {
        try (JsonParser p = Parsers.factory(options).createParser(bytes)) {
            return Tree.read(p);
        } catch (JsonProcessingException e) {
            throw located(e, options, "JSON");
        } catch (IOException e) {
            throw new AssemblyException(new Problem(Problem.Kind.IO, "Could not read the input: " + e.getMessage(),
                    options.source(), 0, -1, -1, -1, null), e);
        }
    }

    private static Object yamlTree(byte[] bytes, AssemblerOptions options) {
        if (!YamlSupport.available()) {
            throw new AssemblyException(new Problem(Problem.Kind.IO, YamlSupport.missingMessage("a YAML cassette"),
                    options.source(), 0, 1, 1, 0, null), null);
        }
        try (JsonParser p = YamlTrees.parser(bytes, options)) {
            return Tree.read(p);
        } catch (JsonProcessingException e) {
            throw located(e, options, "YAML");
        } catch (IOException e) {
            throw new AssemblyException(new Problem(Problem.Kind.IO, "Could not read the input: " + e.getMessage(),
                    options.source(), 0, -1, -1, -1, null), e);
        }
    }

    private static AssemblyException located(JsonProcessingException e, AssemblerOptions options, String syntax) {
        JsonLocation l = e.getLocation();
        Problem.Kind kind = e instanceof StreamConstraintsException ? Problem.Kind.LIMIT : Problem.Kind.MALFORMED;
        String message = e.getOriginalMessage() == null ? e.getClass().getSimpleName() : e.getOriginalMessage();
        return new AssemblyException(new Problem(kind, "Malformed " + syntax + " in the container: "
                + message.strip().replaceAll("\\s+", " "), options.source(), 0, l == null ? -1 : l.getLineNr(),
                l == null ? -1 : l.getColumnNr(), l == null ? -1 : Math.max(l.getByteOffset(), l.getCharOffset()),
                null), e);
    }
}
