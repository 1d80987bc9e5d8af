package io.streamfold.internal.writer;

import com.fasterxml.jackson.core.JsonGenerator;
import io.streamfold.Choice;
import io.streamfold.Completion;
import io.streamfold.Format;
import io.streamfold.internal.json.JsonValues;
import java.io.IOException;
import java.util.Map;

/** Legacy {@code text_completion} chunks: {@code choices[].text} pieces, a finish, a usage chunk. */
final class CompletionStream extends EventWriter {

    CompletionStream(Completion completion, Out out, Pieces pieces) {
        super(completion, Format.OPENAI_COMPLETION, out, pieces);
    }

    @Override
    void write() {
        for (Choice choice : completion.choices()) {
            String text = choice.message().content();
            for (String p : pieces.split(text)) {
                chunk(choice.index(), p, null);
            }
            String finish = Targets.finish(completion, choice, target);
            chunk(choice.index(), "", finish);
        }
        Map<String, Object> usage = Targets.usage(completion, target);
        if (usage != null) {
            out.event(null, g -> {
                g.writeStartObject();
                header(g);
                g.writeArrayFieldStart("choices");
                g.writeEndArray();
                JsonValues.writeField(g, "usage", usage);
                g.writeEndObject();
            });
        }
    }

    private void chunk(int index, String text, String finish) {
        out.event(null, g -> {
            g.writeStartObject();
            header(g);
            g.writeArrayFieldStart("choices");
            g.writeStartObject();
            g.writeNumberField("index", index);
            g.writeStringField("text", text);
            g.writeNullField("logprobs");
            JsonValues.writeField(g, "finish_reason", finish);
            g.writeEndObject();
            g.writeEndArray();
            g.writeEndObject();
        });
    }

    private void header(JsonGenerator g) throws IOException {
        field(g, "id", completion.id());
        g.writeStringField("object", "text_completion");
        field(g, "created", completion.created());
        field(g, "model", completion.model());
        field(g, "system_fingerprint", completion.systemFingerprint());
    }
}
