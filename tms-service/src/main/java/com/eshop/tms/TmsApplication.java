package com.eshop.tms;

import org.apache.dubbo.config.spring.context.annotation.EnableDubbo;
import org.mybatis.spring.annotation.MapperScan;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Transport: logistic (shipping) orders. */
@SpringBootApplication
@EnableDubbo
@MapperScan("com.eshop.tms.infrastructure.mapper")
public class TmsApplication {
    public static void main(String[] args) {
        SpringApplication.run(TmsApplication.class, args);
    }
}
