package com.eshop.order.architecture;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

@AnalyzeClasses(packages = "com.eshop.order", importOptions = ImportOption.DoNotIncludeTests.class)
class LayeringTest {
    @ArchTest
    static final ArchRule domainIsPlainJava = noClasses().that().resideInAPackage("..order.domain..")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "org.apache.dubbo..",
                    "org.apache.rocketmq..", "com.baomidou..", "org.apache.ibatis..", "io.seata..", "org.redisson..");

    @ArchTest
    static final ArchRule apiOnlyCallsTheApplicationLayer = noClasses().that().resideInAPackage("..order.api..")
            .should().dependOnClassesThat().resideInAnyPackage("..order.infrastructure..", "..order.mq..", "..order.job..");

    @ArchTest
    static final ArchRule applicationDoesNotDependOnEntryPoints = noClasses().that().resideInAPackage("..order.application..")
            .should().dependOnClassesThat().resideInAnyPackage("..order.api..", "..order.mq..", "..order.job..");
}
