package com.eshop.support.health;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DependencyEndpointTest {

    @Test
    void everyAddressFormOfTheSuitesClientsIsSplitIntoItsEndpoints() {
        assertThat(DependencyEndpoint.parseAll("seata-server:8091"))
                .containsExactly(new DependencyEndpoint("seata-server", 8091));
        assertThat(DependencyEndpoint.parseAll("ns1:9876;ns2:9876"))
                .containsExactly(new DependencyEndpoint("ns1", 9876), new DependencyEndpoint("ns2", 9876));
        assertThat(DependencyEndpoint.parseAll("zookeeper://zk1:2181?backup=zk2:2181,zk3:2181&timeout=5000"))
                .containsExactly(new DependencyEndpoint("zk1", 2181), new DependencyEndpoint("zk2", 2181),
                        new DependencyEndpoint("zk3", 2181));
        assertThat(DependencyEndpoint.parseAll("nacos://nacos:8848/?namespace=eshop"))
                .containsExactly(new DependencyEndpoint("nacos", 8848));
        assertThat(DependencyEndpoint.parseAll(" ")).isEmpty();
    }

    @Test
    void anEndpointWithoutPortIsRefusedWithTheAddress() {
        assertThatThrownBy(() -> DependencyEndpoint.parseAll("zookeeper://zk1"))
                .hasMessageContaining("'zk1' of 'zookeeper://zk1' is not host:port");
    }
}
