package io.streamfold.internal.writer;

import com.fasterxml.jackson.core.JsonGenerator;
import io.streamfold.Choice;
import io.streamfold.Completion;
import io.streamfold.Format;
import io.streamfold.StreamWriter.Profile;
import io.streamfold.internal.json.JsonValues;
import io.streamfold.internal.writer.Blocks.Block;
import io.streamfold.internal.writer.Blocks.Call;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code chat.completion.chunk}s: a role chunk, the reasoning, content and refusal deltas, the
 * tool call fragments, a finishing chunk per choice, then a usage chunk with {@code choices: []};
 * with the quirks of the servers that serve Chat Completions ({@link Profile}).
 */
final class ChatStream extends OpenAiChunkStream {

    private final Set<Profile> profiles;

    ChatStream(Completion completion, Out out, Pieces pieces, Set<Profile> profiles) {
        super(completion, Format.OPENAI_CHAT, out, pieces, "chat.completion.chunk");
        this.profiles = profiles;
    }

    @Override
    void write() {
        Map<String, Object> usage = Targets.usage(completion, target);
        boolean usageOnFinish = profiles.contains(Profile.DEEPSEEK);
        if (profiles.contains(Profile.AZURE)) {
            out.event(null, ChatQuirks::azurePromptFilter);
        }
        List<Choice> choices = completion.choices();
        for (int c = 0; c < choices.size(); c++) {
            Choice choice = choices.get(c);
            writeChoice(choice, usageOnFinish && c == choices.size() - 1 ? usage : null);
        }
        if (profiles.contains(Profile.AZURE)) {
            for (Choice choice : choices) {
                out.event(null, g -> ChatQuirks.azureAsyncFilter(g, choice.index(), choice.message().content()));
            }
        }
        if (same() && !completion.extra().isEmpty()) {
            // the response's other native fields (a provider's error, vendor fields), in a chunk of their own
            choicelessChunk(g -> JsonValues.writeEntries(g, completion.extra(), Set.of("id", "object", "created", "model", "choices", "usage")));
        }
        if (usage != null && !(usageOnFinish && !choices.isEmpty())) {
            usageChunk(usage);
        }
    }

    private void writeChoice(Choice choice, Map<String, Object> usage) {
        int index = choice.index();
        boolean hasContent = choice.message().content() != null;
        delta(index, null, g -> {
            g.writeStringField("role", role(choice));
            if (hasContent) {
                g.writeStringField("content", "");
            } else {
                g.writeNullField("content"); // as OpenAI starts a message that only calls tools
            }
        });
        String reasoningField = Blocks.chatReasoningField(choice.message());
        int callIndex = 0;
        boolean whole = profiles.contains(Profile.MISTRAL) || profiles.contains(Profile.GEMINI_CHAT);
        List<Call> wholeCalls = new ArrayList<>();
        for (Block block : Blocks.chatOrder(choice.message())) {
            if (block instanceof Blocks.Reasoning r) {
                for (String p : pieces.split(r.text())) {
                    delta(index, null, g -> {
                        if (profiles.contains(Profile.VLLM)) {
                            g.writeStringField("reasoning", p);
                            g.writeStringField("reasoning_content", p);
                        } else {
                            g.writeStringField(reasoningField, p);
                        }
                    });
                }
            } else if (block instanceof Blocks.Text t) {
                for (String p : pieces.split(t.text())) {
                    delta(index, p, g -> g.writeStringField("content", p));
                }
            } else if (block instanceof Blocks.Refusal r) {
                for (String p : pieces.split(r.text())) {
                    delta(index, null, g -> g.writeStringField("refusal", p));
                }
            } else if (block instanceof Call call && whole) {
                wholeCalls.add(call);
            } else if (block instanceof Call call) {
                writeCall(index, callIndex++, call);
            }
        }
        if (!wholeCalls.isEmpty()) {
            writeWholeCalls(index, wholeCalls);
        }
        String finish = Targets.finish(completion, choice, target);
        Object logprobs = choice.logprobs() == null ? null : choice.logprobs().fields();
        chunk(index, g -> { }, null, logprobs, finish, usage);
    }

    private static String type(Call call) {
        String type = call.source().type();
        return type == null || type.equals("function_call") ? "function" : type;
    }

    /** Whole calls, all in one delta: Mistral's without index or type, Gemini's without index. */
    private void writeWholeCalls(int choice, List<Call> calls) {
        boolean withType = !profiles.contains(Profile.MISTRAL);
        delta(choice, null, g -> {
            g.writeArrayFieldStart("tool_calls");
            for (Call call : calls) {
                wholeCall(g, null, withType ? type(call) : null, call);
            }
            g.writeEndArray();
        });
    }

    private void writeCall(int choice, int at, Call call) {
        String type = type(call);
        if (profiles.contains(Profile.OLLAMA)) {
            // every call whole, in a chunk of its own, at index 0: rule 1 tells them apart by their ids
            delta(choice, null, g -> {
                g.writeArrayFieldStart("tool_calls");
                wholeCall(g, 0, type, call);
                g.writeEndArray();
            });
            return;
        }
        List<String> args = pieces.split(call.arguments());
        boolean twice = profiles.contains(Profile.VLLM) && !args.isEmpty();
        delta(choice, null, g -> {
            g.writeArrayFieldStart("tool_calls");
            g.writeStartObject();
            g.writeNumberField("index", at);
            g.writeStringField("id", call.id());
            g.writeStringField("type", type);
            g.writeObjectFieldStart("function");
            g.writeStringField("name", call.name());
            if (!twice) {
                g.writeStringField("arguments", "");
            }
            g.writeEndObject();
            if (same()) {
                JsonValues.writeEntries(g, call.source().extra(), Set.of("index", "id", "type", "function"));
            }
            g.writeEndObject();
            if (twice) {
                fragment(g, at, args.get(0)); // vLLM: the same index again, in the same chunk
            }
            g.writeEndArray();
        });
        for (int i = twice ? 1 : 0; i < args.size(); i++) {
            String p = args.get(i);
            delta(choice, null, g -> {
                g.writeArrayFieldStart("tool_calls");
                fragment(g, at, p);
                g.writeEndArray();
            });
        }
    }

    /** A call whole in one fragment, its arguments and all; the index and the type only where not null. */
    private static void wholeCall(JsonGenerator g, Integer index, String type, Call call) throws IOException {
        g.writeStartObject();
        if (index != null) {
            g.writeNumberField("index", index);
        }
        g.writeStringField("id", call.id());
        field(g, "type", type);
        g.writeObjectFieldStart("function");
        g.writeStringField("name", call.name());
        g.writeStringField("arguments", call.arguments());
        g.writeEndObject();
        g.writeEndObject();
    }

    private static void fragment(JsonGenerator g, int index, String arguments) throws IOException {
        g.writeStartObject();
        g.writeNumberField("index", index);
        g.writeObjectFieldStart("function");
        g.writeStringField("arguments", arguments);
        g.writeEndObject();
        g.writeEndObject();
    }

    /** A chunk with one choice whose delta the body writes; {@code text} is Together's copy of the content. */
    private void delta(int index, String text, Out.Json body) {
        chunk(index, body, text, null, null, null);
    }

    /**
     * A chunk with one choice: the delta the body writes, Together's copy of its content, the
     * logprobs and the finish reason (null until the finishing chunk), then the usage when not null.
     */
    private void chunk(int index, Out.Json delta, String text, Object logprobs, String finish, Map<String, Object> usage) {
        choiceChunk(index, g -> {
            g.writeObjectFieldStart("delta");
            delta.write(g);
            g.writeEndObject();
            if (profiles.contains(Profile.TOGETHER)) {
                g.writeStringField("text", text == null ? "" : text);
            }
            JsonValues.writeField(g, "logprobs", logprobs);
            JsonValues.writeField(g, "finish_reason", finish);
            azureResults(g);
        }, usage);
    }

    private void azureResults(JsonGenerator g) throws IOException {
        if (profiles.contains(Profile.AZURE)) {
            ChatQuirks.azureChoiceResults(g);
        }
    }

    @Override
    void header(JsonGenerator g) throws IOException {
        super.header(g);
        field(g, "service_tier", completion.serviceTier()); // Chat's chunks carry the tier; legacy ones never did
    }
}
