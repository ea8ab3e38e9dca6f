/**
 * The {@code hakmem:budget} Maven goal: memory-overhead budgets that fail the build.
 *
 * <p>{@link io.hakmem.maven.BudgetMojo} is a thin layer over plain classes that know nothing of
 * Maven: {@link io.hakmem.maven.BudgetValidator} checks the POM before anything is forked,
 * {@link io.hakmem.maven.ForkedRunner} runs the budgets in a JDK 22+ JVM, and
 * {@link io.hakmem.maven.BudgetEvaluator} and the report writers turn the figures into a
 * verdict, a console table, JSON, HTML and JUnit XML.
 *
 * <pre>{@code
 * <plugin>
 *   <groupId>io.hakmem</groupId>
 *   <artifactId>hakmem-maven-plugin</artifactId>
 *   <executions><execution><goals><goal>budget</goal></goals></execution></executions>
 * </plugin>
 * }</pre>
 */
@NullMarked
package io.hakmem.maven;

import org.jspecify.annotations.NullMarked;
