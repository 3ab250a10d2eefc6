package com.eshop.market;

import org.apache.dubbo.config.spring.context.annotation.EnableDubbo;
import org.mybatis.spring.annotation.MapperScan;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** User coupons: unused, or locked/used by exactly one order. */
@SpringBootApplication
@EnableDubbo
@MapperScan("com.eshop.market.infrastructure.mapper")
public class MarketApplication {
    public static void main(String[] args) {
        SpringApplication.run(MarketApplication.class, args);
    }
}
