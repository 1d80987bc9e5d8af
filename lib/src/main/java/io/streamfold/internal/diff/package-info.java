/**
 * The semantic diff of two completions ({@link io.streamfold.Completion#diff}): their
 * provider-neutral trees compared value by value, text by words.
 */
package io.streamfold.internal.diff;
