package com.eshop.order.infrastructure.job;

import com.xxl.job.core.biz.ExecutorBiz;
import com.xxl.job.core.server.EmbedServer;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.timeout.IdleStateHandler;

import java.net.InetSocketAddress;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The executor's HTTP endpoint as xxl-job-core's {@link EmbedServer} serves it (same pipeline, same request handler and
 * access-token check), but bound to one address, where EmbedServer binds the wildcard, and with the given
 * {@link ExecutorBiz}, where EmbedServer runs any glue type. A port that cannot be bound fails the start.
 */
final class JobExecutorServer {
    private final InetSocketAddress address;
    private final ExecutorBiz executorBiz;
    private final String accessToken;
    private EventLoopGroup boss;
    private EventLoopGroup workers;
    private ThreadPoolExecutor bizPool;
    private Channel channel;

    JobExecutorServer(InetSocketAddress address, ExecutorBiz executorBiz, String accessToken) {
        this.address = address;
        this.executorBiz = executorBiz;
        this.accessToken = accessToken;
    }

    synchronized void start() {
        AtomicInteger threads = new AtomicInteger();
        bizPool = new ThreadPoolExecutor(0, 16, 60, TimeUnit.SECONDS, new ArrayBlockingQueue<>(200),
                r -> new Thread(r, "xxl-job-executor-request-" + threads.incrementAndGet()));
        boss = new NioEventLoopGroup(1);
        workers = new NioEventLoopGroup(2);
        ServerBootstrap bootstrap = new ServerBootstrap()
                .group(boss, workers)
                .channel(NioServerSocketChannel.class)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        ch.pipeline()
                                .addLast(new IdleStateHandler(0, 0, 90, TimeUnit.SECONDS))
                                .addLast(new HttpServerCodec())
                                .addLast(new HttpObjectAggregator(5 * 1024 * 1024))
                                .addLast(new EmbedServer.EmbedHttpServerHandler(executorBiz, accessToken, bizPool));
                    }
                })
                .childOption(ChannelOption.SO_KEEPALIVE, true);
        ChannelFuture bound = bootstrap.bind(address).awaitUninterruptibly();
        if (!bound.isSuccess()) {
            stop();
            throw new IllegalStateException("XXL-JOB executor cannot listen on " + address + ": " + bound.cause(), bound.cause());
        }
        channel = bound.channel();
    }

    /** The bound address (the configured one; its port resolved). */
    InetSocketAddress localAddress() {
        return (InetSocketAddress) channel.localAddress();
    }

    synchronized void stop() {
        if (channel != null) {
            channel.close().syncUninterruptibly();
            channel = null;
        }
        if (boss != null) {
            boss.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
            workers.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
            boss = null;
            workers = null;
        }
        if (bizPool != null) {
            bizPool.shutdownNow();
            bizPool = null;
        }
    }
}
