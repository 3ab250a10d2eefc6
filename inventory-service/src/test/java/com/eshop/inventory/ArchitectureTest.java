package com.eshop.inventory;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

@AnalyzeClasses(packages = "com.eshop.inventory", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule domainIsPlainJava = noClasses().that().resideInAPackage("com.eshop.inventory.domain..")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "org.apache.dubbo..",
                    "org.apache.rocketmq..", "org.apache.ibatis..", "org.mybatis..", "com.baomidou..", "io.seata..");

    @ArchTest
    static final ArchRule apiOnlyCallsApplication = classes().that().resideInAPackage("com.eshop.inventory.api..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("com.eshop.inventory.api..",
                    "com.eshop.inventory.application..", "com.eshop.common.api..", "com.eshop.support.error..",
                    "org.apache.dubbo.config.annotation..", "java..");

    @ArchTest
    static final ArchRule mqOnlyCallsApplication = noClasses().that().resideInAPackage("com.eshop.inventory.mq..")
            .should().dependOnClassesThat().resideInAnyPackage("com.eshop.inventory.infrastructure..",
                    "com.eshop.inventory.domain..", "com.eshop.inventory.api..");

    @ArchTest
    static final ArchRule applicationDoesNotReachIntoAdapters = noClasses().that()
            .resideInAPackage("com.eshop.inventory.application..")
            .should().dependOnClassesThat().resideInAnyPackage("com.eshop.inventory.infrastructure..",
                    "com.eshop.inventory.api..", "com.eshop.inventory.mq..");
}
