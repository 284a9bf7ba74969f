/** Small primitive-array utilities ({@code RadixSort}). May import: nothing else of the lab. */
package org.nvlab.core.util;
