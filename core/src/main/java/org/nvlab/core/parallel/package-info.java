/**
 * {@code WorkerPool}: persistent worker threads running indexed tasks with no allocation per call.
 * May import: nothing else of the lab.
 */
package org.nvlab.core.parallel;
