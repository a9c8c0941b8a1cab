package io.mlgitops.canary.kubernetes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mlgitops.api.errors.InputException;
import io.mlgitops.canary.RolloutStateStore;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Keeps the rollout state in the annotation {@value #ANNOTATION} of the routed object, written with the same
 * optimistic concurrency as the weights. Once this store has read or written the state, it refuses to overwrite a
 * value it did not see: another run driving the same object would otherwise lose its state without notice.
 */
final class AnnotationStateStore implements RolloutStateStore {
    static final String ANNOTATION = "mlgitops.io/rollout-state";

    /** Kubernetes refuses an object whose annotations, keys and values together, exceed 256 KiB. */
    private static final int ANNOTATIONS_LIMIT = 256 * 1024;

    private final KubernetesObject object;
    private Optional<String> seen;

    AnnotationStateStore(final KubernetesObject object) {
        this.object = object;
    }

    @Override
    public synchronized Optional<String> load() throws InputException {
        seen = JsonPatch.annotation(object.read(), ANNOTATION);
        return seen;
    }

    @Override
    public synchronized void save(final String json) throws InputException {
        object.modify(current -> {
            Optional<String> stored = checkUnchanged(current);
            if (stored.isPresent() && stored.get().equals(json)) {
                return List.of();
            }
            checkSize(current, json);
            return List.of(JsonPatch.setAnnotation(current, ANNOTATION, json));
        });
        seen = Optional.of(json);
    }

    @Override
    public synchronized void clear() throws InputException {
        object.modify(current -> checkUnchanged(current).isPresent()
                ? List.of(JsonPatch.removeAnnotation(ANNOTATION)) : List.<ObjectNode>of());
        seen = Optional.empty();
    }

    private Optional<String> checkUnchanged(final JsonNode current) throws InputException {
        Optional<String> stored = JsonPatch.annotation(current, ANNOTATION);
        if (seen != null && !seen.equals(stored)) {
            throw new InputException(String.format("The rollout state in annotation %s of %s changed since this run "
                    + "last read or wrote it: another run may be driving the same rollout. Stop the other run; "
                    + "then start this one again, and it resumes from the stored state.", ANNOTATION,
                    object.description()));
        }
        return stored;
    }

    private void checkSize(final JsonNode current, final String json) throws InputException {
        long size = bytes(ANNOTATION) + bytes(json);
        for (Map.Entry<String, JsonNode> other : current.path("metadata").path("annotations").properties()) {
            if (!other.getKey().equals(ANNOTATION)) {
                size += bytes(other.getKey()) + bytes(Fields.text(other.getValue()));
            }
        }
        if (size > ANNOTATIONS_LIMIT) {
            throw new InputException(String.format("The rollout state (%d bytes) does not fit into annotation %s of "
                    + "%s: with the object's other annotations it would take %d bytes, and Kubernetes allows %d. "
                    + "Keep the stored state small (counters and the current step, not every decision).",
                    bytes(json), ANNOTATION, object.description(), size, ANNOTATIONS_LIMIT));
        }
    }

    private static int bytes(final String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }
}
