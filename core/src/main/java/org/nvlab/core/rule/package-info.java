/**
 * User expressions bound to the places of a vesicle type's rules: {@code RuleExpression}, one
 * compiled expression of the {@code expr} language with the variables of its place (emission rate,
 * kernel score, docking logit, release readout) laid out in the {@code double[]} it reads. Apart
 * from the types that use them, so that release operators and vesicle types both can.
 *
 * <p>May import: {@code core.expr}.
 */
package org.nvlab.core.rule;
