package io.streamfold.internal.capture;

import io.streamfold.AssemblerOptions;
import io.streamfold.AssemblyException;
import io.streamfold.Completion;
import io.streamfold.Format;
import io.streamfold.Problem;
import io.streamfold.Source;
import io.streamfold.internal.parsing.Assembler;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Folds the bodies of a container's exchanges through the pipeline and says where each response
 * came from. An exchange is an LLM exchange when its URL is no model list, embedding or upload
 * endpoint, its body may hold a response (JSON, SSE, event-stream frames; not HTML, images or
 * words) and the pipeline folds it; a body the pipeline finds to hold no stream (a model list)
 * is passed over.
 */
final class ExchangeFolder {

    private ExchangeFolder() {
    }

    /** Every LLM response of the exchanges, in container order. */
    static List<Completion> all(List<Exchange> exchanges, Source.Container kind, AssemblerOptions options) {
        List<Completion> out = new ArrayList<>();
        for (Exchange e : exchanges) {
            if (Endpoints.isNotLlm(e.url()) || Bodies.isNotLlmType(e.contentType())) {
                continue;
            }
            if (e.compressed() != null) {
                throw new AssemblyException(new Problem(Problem.Kind.UNEXPECTED, "Expected a body streamfold can"
                        + " decode but found one still compressed (Content-Encoding: " + e.compressed() + "): record"
                        + " decoded bodies (vcrpy: decode_compressed_response=True), or gzip", where(options.source(),
                        e), 0, -1, -1, -1, null), null);
            }
            if (!Bodies.mayHoldResponse(e.body(), e.contentType())) {
                continue;
            }
            Source source = new Source(options.source(), kind, e.index() < 0 ? null : e.index(), e.method(), e.url(),
                    null);
            AssemblerOptions named = options.withSource(where(options.source(), e));
            List<Completion> responses;
            try {
                responses = responses(e.body(), named);
            } catch (AssemblyException ex) {
                if (ex.kind() == Problem.Kind.NOT_A_STREAM) {
                    continue; // JSON that is no LLM response: a model list, an upload's receipt
                }
                throw ex;
            }
            for (Completion c : responses) {
                out.add(withEndpointFormat(c, e, named).withSource(source));
            }
        }
        return out;
    }

    /**
     * A body that told no format (an HTTP error body, {@code {"error": ...}}) is read again as the
     * format its URL asks for, so that its completion renders in its provider's shape.
     */
    private static Completion withEndpointFormat(Completion c, Exchange e, AssemblerOptions options) {
        Format format = options.format() == null && c.format() == null ? EndpointFormats.of(e.url()) : null;
        if (format == null) {
            return c;
        }
        try {
            Completion again = Assembler.assemble(e.body(), options.withFormat(format));
            return again.error().equals(c.error()) ? again : c;
        } catch (AssemblyException ex) {
            return c; // the URL was wrong about the body: keep what the body said
        }
    }

    /** The one place the pipeline is asked for an exchange's responses: a body may hold several. */
    private static List<Completion> responses(byte[] body, AssemblerOptions options) {
        return Assembler.assembleAll(body, options);
    }

    /** A recording that is no container: read by the pipeline as it is, streamed; every response or its one. */
    static List<Completion> plain(InputStream in, AssemblerOptions options, Sniffer.Sniff sniff, boolean all) {
        Source source = plainSource(options, sniff);
        if (!all) {
            return List.of(Assembler.assemble(in, options).withSource(source));
        }
        return Assembler.assembleAll(in, options).stream().map(c -> c.withSource(source)).toList();
    }

    static List<Completion> plain(byte[] bytes, AssemblerOptions options, Sniffer.Sniff sniff, boolean all) {
        Source source = plainSource(options, sniff);
        if (!all) {
            return List.of(Assembler.assemble(bytes, options).withSource(source));
        }
        return Assembler.assembleAll(bytes, options).stream().map(c -> c.withSource(source)).toList();
    }

    static Source plainSource(AssemblerOptions options, Sniffer.Sniff sniff) {
        return new Source(options.source(), sniff.llamaStack() ? Source.Container.LLAMA_STACK : Source.Container.STREAM,
                null, sniff.method(), sniff.url(), sniff.testId());
    }

    /** A container without an LLM response is not a stream, when one response is asked for. */
    static AssemblyException noResponse(AssemblerOptions options) {
        return new AssemblyException(new Problem(Problem.Kind.NOT_A_STREAM, "Not a stream: the container holds no"
                + " LLM response (only model lists, embeddings, uploads, pages or empty bodies)", options.source(),
                0, -1, -1, -1, null), null);
    }

    /** The one response {@code assemble} returns: none or several is a located error. */
    static Completion one(List<Completion> responses, AssemblerOptions options) {
        if (responses.size() == 1) {
            return responses.get(0);
        }
        if (responses.isEmpty()) {
            throw noResponse(options);
        }
        StringBuilder entries = new StringBuilder();
        for (int i = 0; i < responses.size() && i < 10; i++) {
            Source s = responses.get(i).source();
            entries.append(i == 0 ? "" : ", ").append(s == null || s.entry() == null ? "?" : s.entry());
        }
        Source second = responses.get(1).source();
        // main's wording for a plain recording of several responses, with the entries for the chunk
        Problem problem = new Problem(Problem.Kind.UNEXPECTED, "The input holds " + responses.size() + " responses"
                + " (entries " + entries + (responses.size() > 10 ? ", ..." : "") + "; the second begins at entry "
                + (second == null || second.entry() == null ? "?" : second.entry())
                + "); this reads one: read them all with ChunkAssembler.assembleAll", options.source(), 0, -1, -1, -1,
                null);
        if (!options.lenient()) {
            throw new AssemblyException(problem, null);
        }
        Completion first = responses.get(0);
        List<Problem> problems = new ArrayList<>(first.problems());
        problems.add(problem);
        return new Completion(first.format(), first.id(), first.model(), first.created(), first.systemFingerprint(),
                first.serviceTier(), first.choices(), first.usage(), first.extra(), first.chunkCount(),
                true, first.warnings(), problems, first.streamed(), first.source());
    }

    /** The name body errors give: the file, the entry and its line, and the body's path in the container. */
    private static String where(String file, Exchange e) {
        StringBuilder sb = new StringBuilder();
        if (file != null) {
            sb.append(file).append(", ");
        }
        if (e.index() >= 0) {
            sb.append("entry ").append(e.index());
            if (e.line() > 0) {
                sb.append(" (line ").append(e.line()).append(')');
            }
            sb.append(", ");
        }
        return sb.append("body at ").append(e.where()).toString();
    }
}
