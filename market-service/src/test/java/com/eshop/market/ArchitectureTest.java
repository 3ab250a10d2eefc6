package com.eshop.market;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

@AnalyzeClasses(packages = "com.eshop.market", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule domainIsPlainJava = noClasses().that().resideInAPackage("com.eshop.market.domain..")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "org.apache.dubbo..",
                    "org.apache.rocketmq..", "org.apache.ibatis..", "org.mybatis..", "com.baomidou..", "io.seata..");

    @ArchTest
    static final ArchRule apiOnlyCallsApplication = classes().that().resideInAPackage("com.eshop.market.api..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("com.eshop.market.api..",
                    "com.eshop.market.application..", "com.eshop.common.api..", "com.eshop.support.error..",
                    "org.apache.dubbo.config.annotation..", "java..");

    @ArchTest
    static final ArchRule mqOnlyCallsApplication = noClasses().that().resideInAPackage("com.eshop.market.mq..")
            .should().dependOnClassesThat().resideInAnyPackage("com.eshop.market.infrastructure..",
                    "com.eshop.market.domain..", "com.eshop.market.api..");

    @ArchTest
    static final ArchRule applicationDoesNotReachIntoAdapters = noClasses().that()
            .resideInAPackage("com.eshop.market.application..")
            .should().dependOnClassesThat().resideInAnyPackage("com.eshop.market.infrastructure..",
                    "com.eshop.market.api..", "com.eshop.market.mq..");
}
