package io.streamfold.internal.writer;

import io.streamfold.Choice;
import io.streamfold.Completion;
import io.streamfold.Format;
import io.streamfold.internal.json.JsonValues;
import java.util.Map;

/** Legacy {@code text_completion} chunks: {@code choices[].text} pieces, a finish, a usage chunk. */
final class CompletionStream extends OpenAiChunkStream {

    CompletionStream(Completion completion, Out out, Pieces pieces) {
        super(completion, Format.OPENAI_COMPLETION, out, pieces, "text_completion");
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
            usageChunk(usage);
        }
    }

    private void chunk(int index, String text, String finish) {
        choiceChunk(index, g -> {
            g.writeStringField("text", text);
            g.writeNullField("logprobs");
            JsonValues.writeField(g, "finish_reason", finish);
        }, null);
    }
}
