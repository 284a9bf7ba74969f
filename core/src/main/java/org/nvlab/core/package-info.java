/**
 * The Neuro-Vesicles engine. {@link org.nvlab.core.Simulation} is the facade: load a project, step
 * it, record metrics, hash its state. Pure Java: nothing here imports JavaFX, GraphStream, Spark,
 * or the viz and app modules (an ArchUnit test enforces it).
 */
package org.nvlab.core;
