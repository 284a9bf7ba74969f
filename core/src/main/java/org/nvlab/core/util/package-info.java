/** Small primitive-array utilities ({@code RadixSort}). May import: nothing else of the engine. */
package org.nvlab.core.util;
