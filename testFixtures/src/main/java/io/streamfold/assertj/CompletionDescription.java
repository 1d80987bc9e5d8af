package io.streamfold.assertj;

import io.streamfold.Choice;
import io.streamfold.Completion;
import io.streamfold.Message;
import io.streamfold.ToolCall;
import io.streamfold.Usage;
import java.util.ArrayList;
import java.util.List;

/**
 * The compact, few-line view of an assembled completion that every failure message of this
 * package ends with: the recording, the format, the finish reason, a preview of the content, and
 * the tool calls with their names and arguments.
 *
 * <pre>
 * recording: recordings/seeds/000_4f3d0a612d65cd5e.json
 * format: openai.chat, 26 chunks
 * finish reason: TOOL_CALLS ("tool_calls")
 * content: null
 * tool calls:
 *   [0] web_search {"query": "Llama 4 Maverick model number of experts"} (id call_HT5dvfaVabEqkflhFw2ASvdC)
 *   [1] web_search {"query": "Llama 4 Maverick experts architecture"} (id call_TqHHWM2eIYHmd9lS7pfxAuaT)
 * usage: none
 * </pre>
 *
 * <p>Texts are quoted, with line breaks escaped, and cut after {@value #PREVIEW_LENGTH}
 * characters. Lines are separated by {@code \n}; assertions indent them into their messages.
 * Usable in your own assertions too, for instance as a description:
 * {@code assertThat(completion.id()).as(CompletionDescription.of(completion)).startsWith("chatcmpl-")}.
 */
public final class CompletionDescription {

    /** How many characters of a text or of a tool call's arguments a view shows. */
    public static final int PREVIEW_LENGTH = 120;

    private CompletionDescription() {
    }

    /** Describes a completion; see the class comment. */
    public static String of(Completion completion) {
        return of(completion, null);
    }

    /**
     * Describes a completion assembled from a recording, the recording named on the first line.
     *
     * @param completion the completion, or null
     * @param recording the recording's name as it should be shown, or null to leave the line out
     */
    public static String of(Completion completion, String recording) {
        List<String> lines = new ArrayList<>();
        if (recording != null) {
            lines.add("recording: " + recording);
        }
        if (completion == null) {
            lines.add("completion: null");
            return String.join("\n", lines);
        }
        StringBuilder header = new StringBuilder("format: ").append(completion.format())
                .append(", ").append(completion.chunkCount()).append(completion.chunkCount() == 1 ? " chunk" : " chunks");
        if (completion.incomplete()) {
            header.append(", incomplete");
        }
        lines.add(header.toString());
        List<Choice> choices = completion.choices();
        if (choices.isEmpty()) {
            lines.add("choices: none");
        } else if (choices.size() == 1 && choices.get(0).index() == 0) {
            lines.addAll(choiceLines(choices.get(0)));
        } else {
            for (Choice choice : choices) {
                lines.add("choice [" + choice.index() + "]:");
                for (String line : choiceLines(choice)) {
                    lines.add("  " + line);
                }
            }
        }
        lines.add("usage: " + of(completion.usage()));
        if (!completion.warnings().isEmpty()) {
            lines.add("warnings: " + completion.warnings());
        }
        if (!completion.problems().isEmpty()) {
            lines.add("problems: " + completion.problems());
        }
        return String.join("\n", lines);
    }

    /** Describes one choice: its finish reason, then its message. */
    public static String of(Choice choice) {
        return choice == null ? "choice: null" : String.join("\n", choiceLines(choice));
    }

    /** Describes a message: content, refusal and reasoning (when present), and the tool calls. */
    public static String of(Message message) {
        return message == null ? "message: null" : String.join("\n", messageLines(message));
    }

    /**
     * Describes a tool call on one line: {@code [0] web_search {"query": "..."} (id call_...)}.
     * A call that never got a name shows {@code <no name>}; one without arguments shows
     * {@code <no arguments>}.
     */
    public static String of(ToolCall call) {
        if (call == null) {
            return "null";
        }
        StringBuilder line = new StringBuilder("[").append(call.index()).append("] ")
                .append(call.name() == null ? "<no name>" : call.name()).append(' ')
                .append(call.arguments().isEmpty() ? "<no arguments>" : cut(oneLine(call.arguments()), call.arguments().length()));
        if (call.id() != null) {
            line.append(" (id ").append(call.id()).append(')');
        }
        return line.toString();
    }

    /** Describes a usage on one line: {@code input 79, output 64, total 143}, or {@code none}. */
    public static String of(Usage usage) {
        if (usage == null) {
            return "none";
        }
        StringBuilder line = new StringBuilder().append("input ").append(usage.inputTokens())
                .append(", output ").append(usage.outputTokens())
                .append(", total ").append(usage.totalTokens());
        if (usage.reasoningTokens() != null) {
            line.append(", reasoning ").append(usage.reasoningTokens());
        }
        if (usage.cachedInputTokens() != null) {
            line.append(", cached ").append(usage.cachedInputTokens());
        }
        if (usage.cacheWriteTokens() != null) {
            line.append(", cache writes ").append(usage.cacheWriteTokens());
        }
        return line.toString();
    }

    /** A text as a view shows it: quoted, line breaks escaped, cut after {@value #PREVIEW_LENGTH} characters; or {@code null}. */
    public static String preview(String text) {
        if (text == null) {
            return "null";
        }
        return '"' + cut(oneLine(text), text.length()) + '"';
    }

    private static List<String> choiceLines(Choice choice) {
        List<String> lines = new ArrayList<>();
        lines.add("finish reason: " + choice.finishReason()
                + (choice.rawFinishReason() == null ? "" : " (\"" + choice.rawFinishReason() + "\")"));
        lines.addAll(messageLines(choice.message()));
        return lines;
    }

    private static List<String> messageLines(Message message) {
        List<String> lines = new ArrayList<>();
        if (message == null) {
            lines.add("message: null");
            return lines;
        }
        lines.add("content: " + preview(message.content()));
        if (message.refusal() != null) {
            lines.add("refusal: " + preview(message.refusal()));
        }
        if (message.reasoning() != null) {
            lines.add("reasoning: " + preview(message.reasoning()));
        }
        if (message.toolCalls().isEmpty()) {
            lines.add("tool calls: none");
        } else {
            lines.add("tool calls:");
            for (ToolCall call : message.toolCalls()) {
                lines.add("  " + of(call));
            }
        }
        List<ToolCall> servers = message.serverToolCalls();
        if (!servers.isEmpty()) {
            lines.add("server tool calls:");
            for (ToolCall call : servers) {
                lines.add("  " + of(call));
            }
        }
        return lines;
    }

    private static String oneLine(String text) {
        return text.replace("\r", "\\r").replace("\n", "\\n").replace("\t", "\\t");
    }

    /** Cuts an escaped text, saying how long the original was. */
    private static String cut(String text, int originalLength) {
        if (text.length() <= PREVIEW_LENGTH) {
            return text;
        }
        int end = Character.isHighSurrogate(text.charAt(PREVIEW_LENGTH - 1)) ? PREVIEW_LENGTH - 1 : PREVIEW_LENGTH;
        return text.substring(0, end) + "...(" + originalLength + " chars)";
    }
}
