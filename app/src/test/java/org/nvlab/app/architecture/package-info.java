/**
 * The lab's architecture rules (test code): {@code PackageRules} reads every package-info's "May
 * import:" sentence and checks it with ArchUnit, with the no-cycle rule; {@code
 * LabArchitectureTest} applies both to the whole lab; {@code PackageRulesTest} shows them failing
 * on a fixture with a deliberate back-import. May import: {@code app.architecture.fixture.high},
 * {@code app.architecture.fixture.low}, {@code com.tngtech.archunit}, {@code org.junit}.
 */
package org.nvlab.app.architecture;
