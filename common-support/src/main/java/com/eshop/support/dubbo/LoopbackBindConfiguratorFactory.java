package com.eshop.support.dubbo;

import org.apache.dubbo.common.URL;
import org.apache.dubbo.config.context.ConfigManager;
import org.apache.dubbo.rpc.cluster.Configurator;
import org.apache.dubbo.rpc.cluster.ConfiguratorFactory;

import static org.apache.dubbo.common.constants.CommonConstants.ANYHOST_KEY;
import static org.apache.dubbo.remoting.Constants.BIND_IP_KEY;

/**
 * Makes a provider whose {@code dubbo.protocol.host} is a loopback address listen on that address only. Dubbo 3.3
 * treats every 127.x host as "no host configured": it exports with {@code anyhost=true} and its port-unification
 * server then binds the wildcard (any other configured host it binds as given). ServiceConfig passes each exported URL
 * of the dubbo protocol through the {@link ConfiguratorFactory} extension named after the protocol; this one sets the
 * bind address to the IPv4-mapped form of the host ({@code ::ffff:127.0.0.1}), which Dubbo does not take for a local
 * host and Java resolves to the IPv4 address itself, and registers the provider under the host.
 */
public class LoopbackBindConfiguratorFactory implements ConfiguratorFactory {

    @Override
    public Configurator getConfigurator(URL url) {
        return new Configurator() {
            @Override
            public URL getUrl() {
                return url;
            }

            @Override
            public URL configure(URL exported) {
                String host = ConfigManager.getProtocolOrDefault(exported).getHost();
                if (host == null || !host.startsWith("127.")) {
                    return exported;
                }
                return exported.setHost(host).addParameter(BIND_IP_KEY, "::ffff:" + host).addParameter(ANYHOST_KEY, false);
            }
        };
    }
}
