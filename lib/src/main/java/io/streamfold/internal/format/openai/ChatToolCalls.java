package io.streamfold.internal.format.openai;

import io.streamfold.internal.core.ChoiceState;
import io.streamfold.internal.core.ToolCallState;
import io.streamfold.internal.json.Diagnostics;
import java.util.Arrays;

/**
 * The chat tool-call merge rules of FORMATS.md, for one choice: a fragment joins the call open
 * at its index unless its id is new (1), joins by id without an index (2), first id and type win
 * (3), names repeat or extend (4), arguments concatenate as sent (5), calls keep their first-seen
 * order (6), empty ids and names are absent (7).
 */
final class ChatToolCalls {

    private final ChoiceState choice;
    private final Diagnostics diag;
    /** The call open at each wire index. */
    private ToolCallState[] openByIndex = new ToolCallState[4];

    ChatToolCalls(ChoiceState choice, Diagnostics diag) {
        this.choice = choice;
        this.diag = diag;
    }

    void merge(ToolFragment f) {
        boolean hasId = f.hasId();
        if (f.carriesNothing()) {
            // No id, name or arguments: at most a type for the open call; never a call of its own.
            if (f.id.present()) {
                diag.warn("tool-call-empty-id-sentinel",
                        "a tool-call fragment with an empty id and nothing else was skipped (rule 7: an empty id counts as absent)");
            }
            ToolCallState open = f.hasIndex ? openAt(f.index) : choice.lastCall();
            if (open != null && open.type() == null && f.type != null && !f.type.isEmpty()) {
                open.type(f.type);
            }
            if (open != null && f.others != null) {
                open.extra().putAll(f.others);
            }
            return;
        }
        ToolCallState target = null;
        boolean created = false;
        if (f.hasIndex) {
            ToolCallState open = openAt(f.index);
            if (open != null && hasId && open.id() != null && !f.id.contentEquals(open.id())) {
                diag.warn("tool-call-new-id-at-index",
                        "a fragment at tool-call index " + f.index + " carried a new id (" + f.id
                                + "): it started a new call (rule 1)");
            } else if (open != null) {
                target = open;
            } else if (hasId) {
                target = choice.callById(f.id.toString());
            }
            if (target == null) {
                target = choice.openCall();
                created = true;
            }
            setOpen(f.index, target);
        } else if (hasId) {
            target = choice.callById(f.id.toString());
            if (target != null) {
                diag.warn("tool-call-joined-by-id",
                        "a tool-call fragment without an index joined the call with its id (rule 2)");
            } else {
                target = choice.openCall();
                created = true;
            }
        } else if (choice.lastCall() != null) {
            target = choice.lastCall();
            diag.warn("tool-call-joined-last",
                    "a tool-call fragment with neither index nor id joined the last call (rule 2)");
        } else {
            target = choice.openCall();
            created = true;
        }

        if (hasId && target.id() == null) {
            choice.identify(target, f.id.toString());
        }
        if (target.type() == null && f.type != null && !f.type.isEmpty()) {
            target.type(f.type);
        }
        if (!f.name.isEmpty()) {
            String name = target.name();
            if (name == null) {
                target.appendName(f.name);
            } else if (f.name.contentEquals(name)) {
                diag.warn("tool-call-repeated-name",
                        "a fragment repeated the name '" + name + "', which was ignored (rule 4)");
            } else {
                diag.warn("tool-call-name-in-pieces",
                        "a fragment extended the call's name '" + name + "' with '" + f.name + "' (rule 4)");
                target.appendName(f.name);
            }
        }
        if (f.others != null) {
            target.extra().putAll(f.others);
        }
        if (created) {
            choice.announce(target);
        }
        if (!f.arguments.isEmpty()) {
            choice.appendArguments(target, f.arguments);
        }
    }

    private ToolCallState openAt(int wireIndex) {
        return wireIndex >= 0 && wireIndex < openByIndex.length ? openByIndex[wireIndex] : null;
    }

    private void setOpen(int wireIndex, ToolCallState call) {
        if (wireIndex < 0) {
            return;
        }
        if (wireIndex >= openByIndex.length) {
            openByIndex = Arrays.copyOf(openByIndex, Math.max(wireIndex + 1, openByIndex.length * 2));
        }
        openByIndex[wireIndex] = call;
    }
}
