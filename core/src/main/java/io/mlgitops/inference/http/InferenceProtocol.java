package io.mlgitops.inference.http;

import io.mlgitops.api.errors.InputException;
import io.mlgitops.data.Column;
import io.mlgitops.data.Dataset;

import java.util.List;
import java.util.Map;

/**
 * How one kind of model server is asked for predictions.
 */
interface InferenceProtocol {
    /**
     * Prepares a prediction run over a data set, before the first batch.
     *
     * @param dataset  the data set
     * @param features the columns to send when the model takes one packed input, in order
     */
    void prepare(Dataset dataset, List<Column> features) throws InputException;

    /**
     * Predicts rows {@code [from, to)}.
     *
     * @param rows the rows as shown in messages, e.g. {@code rows 1-1024}
     */
    List<NamedOutput> predict(int from, int to, String rows) throws InputException;

    /** Facts for the model description: protocol, URL, payload format. */
    Map<String, String> details();
}
