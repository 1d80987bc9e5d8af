package io.streamfold.internal.format.openai;

import io.streamfold.internal.json.CharBuf;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** One choice of one chunk, reused. */
final class ChoiceScratch {
    int index;
    boolean sawDelta;
    String role;
    String finishReason;
    final CharBuf content = new CharBuf();
    final CharBuf text = new CharBuf();
    final CharBuf refusal = new CharBuf();
    final CharBuf reasoning = new CharBuf();
    final CharBuf reasoningContent = new CharBuf();
    final List<ToolFragment> fragments = new ArrayList<>();
    int fragmentCount;
    boolean sawFunctionCall;
    /** Set when a field outside content, role, tool calls and finish reason was read. */
    boolean rare;
    final CharBuf functionName = new CharBuf();
    final CharBuf functionArguments = new CharBuf();
    Map<String, Object> logprobs;
    /** OpenRouter's structured reasoning ({@code delta.reasoning_details}), when a chunk had some. */
    Object reasoningDetails;

    void reset() {
        index = -1;
        sawDelta = false;
        role = null;
        finishReason = null;
        content.reset();
        if (rare) {
            resetRare();
        }
        fragmentCount = 0;
        logprobs = null;
    }

    /** What text streams never send: reset only when a chunk did. */
    private void resetRare() {
        rare = false;
        text.reset();
        refusal.reset();
        reasoning.reset();
        reasoningContent.reset();
        reasoningDetails = null;
        sawFunctionCall = false;
        functionName.reset();
        functionArguments.reset();
    }

    ToolFragment nextFragment() {
        if (fragmentCount == fragments.size()) {
            fragments.add(new ToolFragment());
        }
        ToolFragment f = fragments.get(fragmentCount++);
        f.reset();
        return f;
    }
}
