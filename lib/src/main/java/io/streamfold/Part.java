package io.streamfold;

import io.streamfold.internal.neutral.Immutable;
import java.util.Map;

/**
 * One piece of a message's content, in the order the provider produced it: text, reasoning,
 * a refusal, a tool call, or a piece streamfold keeps verbatim.
 *
 * <p>Formats with ordered content (Anthropic blocks, Gemini parts, Responses output items) keep
 * their order and native details here; for chat completions, which have no order, the parts are
 * reasoning, then content, then refusal, then the tool calls.
 */
public sealed interface Part permits Part.Text, Part.Reasoning, Part.Refusal, ToolCall, Part.Other {

    /** The provider's own name for this kind of piece: {@code text}, {@code thinking}, {@code output_text}, ... */
    String type();

    /**
     * Visible text.
     *
     * @param type the native type ({@code text}, {@code output_text})
     * @param text the concatenated text, never null
     * @param extra native fields beside the text (citations, annotations, a thought signature), in
     *     the provider's spelling; never null
     */
    record Text(String type, String text, Map<String, Object> extra) implements Part {
        public Text {
            extra = Immutable.map(extra);
        }
    }

    /**
     * Reasoning text: Anthropic thinking, Gemini thought parts, Responses reasoning summaries,
     * chat {@code reasoning_content} or {@code reasoning}.
     *
     * @param type the native type or field name ({@code thinking}, {@code thought},
     *     {@code reasoning}, {@code reasoning_content})
     * @param text the concatenated reasoning text, never null
     * @param signature the provider's signature over it, or null
     * @param extra other native fields, in the provider's spelling; never null
     */
    record Reasoning(String type, String text, String signature, Map<String, Object> extra) implements Part {
        public Reasoning {
            extra = Immutable.map(extra);
        }
    }

    /**
     * A refusal.
     *
     * @param text the concatenated refusal text, never null
     * @param extra other native fields; never null
     */
    record Refusal(String text, Map<String, Object> extra) implements Part {
        public Refusal {
            extra = Immutable.map(extra);
        }

        @Override
        public String type() {
            return "refusal";
        }
    }

    /**
     * A piece streamfold does not fold but keeps as sent: Anthropic {@code redacted_thinking}
     * or server tool results, Gemini inline data or code execution, other Responses output items.
     *
     * @param type the native type, or the piece's only key when it has no type
     * @param fields the native object as sent (for Anthropic, with streamed deltas applied); never null
     */
    record Other(String type, Map<String, Object> fields) implements Part {
        public Other {
            fields = Immutable.map(fields);
        }
    }
}
