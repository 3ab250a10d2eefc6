package com.eshop.wms;

import org.apache.dubbo.config.spring.context.annotation.EnableDubbo;
import org.mybatis.spring.annotation.MapperScan;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Warehouse: delivery (picking) orders and the out-stock step after which an order can no longer be cancelled. */
@SpringBootApplication
@EnableDubbo
@MapperScan("com.eshop.wms.infrastructure.mapper")
public class WmsApplication {
    public static void main(String[] args) {
        SpringApplication.run(WmsApplication.class, args);
    }
}
