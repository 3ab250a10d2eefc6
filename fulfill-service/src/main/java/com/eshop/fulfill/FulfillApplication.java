package com.eshop.fulfill;

import org.apache.dubbo.config.spring.context.annotation.EnableDubbo;
import org.mybatis.spring.annotation.MapperScan;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Fulfillment: fulfill orders, and through WMS and TMS the picking and shipping of a paid order. */
@SpringBootApplication
@EnableDubbo
@MapperScan("com.eshop.fulfill.infrastructure.mapper")
public class FulfillApplication {
    public static void main(String[] args) {
        SpringApplication.run(FulfillApplication.class, args);
    }
}
