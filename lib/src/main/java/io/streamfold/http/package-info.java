/**
 * Folding live responses of the JDK's {@code java.net.http.HttpClient}: start with
 * {@link io.streamfold.http.StreamfoldBodyHandlers}.
 */
package io.streamfold.http;
