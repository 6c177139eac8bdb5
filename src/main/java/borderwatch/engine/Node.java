package borderwatch.engine;

import borderwatch.readmodel.FeedSource;

/** A node of its own, opened on a directory (a drill's sandbox): an engine whose board can be watched, closed with its store. */
public interface Node extends Engine, FeedSource, AutoCloseable {

    @Override
    void close();
}
