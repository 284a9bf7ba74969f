/**
 * The lab's safe expression language (SPEC section 8, docs/expressions.md): math over named
 * variables, parsed by its own small grammar, type-checked, and compiled to JVM bytecode with ASM.
 * A project file opened from anywhere cannot run anything else: the grammar has no names but
 * declared variables, two constants and a whitelist of functions, and the generated code calls only
 * {@link java.lang.Math} and {@code Builtins}.
 *
 * <ul>
 *   <li>{@code Expression}: parse and check ({@code parse}), compile ({@code compile}), interpret
 *       ({@code evaluate}), print ({@code toString}); the limits.
 *   <li>{@code ExpressionContext}: the variables (scalars, fixed-length vectors) and their slots in
 *       the {@code double[]} a compiled expression reads.
 *   <li>{@code CompiledExpression}: what compiling returns, {@code double evaluate(double[])}.
 *   <li>{@code ExpressionException}: the one error, with column and reason.
 *   <li>{@code Node}, {@code Operator}, {@code Function}: the syntax tree, the operators, the
 *       whitelist of functions.
 *   <li>{@code Lexer}, {@code Parser}, {@code Limits}, {@code Checker}: source to checked tree.
 *   <li>{@code Interpreter}, {@code Printer}: the tree evaluated and printed.
 *   <li>{@code CodeGenerator}: checked tree to a hidden class; {@code Builtins}: the functions
 *       {@link java.lang.Math} lacks, the only other class generated code may call.
 * </ul>
 *
 * <p>May import: ASM ({@code org.objectweb.asm}).
 */
package org.nvlab.core.expr;
