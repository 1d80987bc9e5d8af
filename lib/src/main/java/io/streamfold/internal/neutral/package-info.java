/**
 * The provider-neutral view: finish reasons, tool-call kinds, usage arithmetic and provider
 * errors computed from what the format folders kept, and the deep copies that make every value
 * the API returns immutable. It knows the formats only by their {@link io.streamfold.Format}.
 */
package io.streamfold.internal.neutral;
