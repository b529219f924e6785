package com.example.zmq.broker;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import io.github.zmqspring.core.ZmqTemplate;
import io.github.zmqspring.proxy.ZmqProxy;
import io.github.zmqspring.proxy.ZmqProxyRegistry;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * Four client threads send requests through the broker's front end with
 * {@link ZmqTemplate}; every caller gets its own reply, whichever server answered.
 */
@Component
class Clients implements ApplicationRunner {

	static final int THREADS = 4;

	static final int REQUESTS = 6;

	private final ZmqTemplate zmq;

	private final ZmqProxyRegistry proxies;

	private final Servers servers;

	Clients(ZmqTemplate zmq, ZmqProxyRegistry proxies, Servers servers) {
		this.zmq = zmq;
		this.proxies = proxies;
		this.servers = servers;
	}

	@Override
	public void run(ApplicationArguments args) throws Exception {
		ExecutorService executor = Executors.newFixedThreadPool(THREADS);
		try {
			List<Future<?>> calls = new ArrayList<>();
			for (int t = 1; t <= THREADS; t++) {
				String client = "client-" + t;
				calls.add(executor.submit(() -> ask(client)));
			}
			for (Future<?> call : calls) {
				call.get(30, TimeUnit.SECONDS);
			}
		}
		finally {
			executor.shutdownNow();
		}
		ZmqProxy broker = this.proxies.getProxy("broker");
		System.out.println("[broker] " + (THREADS * REQUESTS) + " requests answered; the broker has forwarded "
				+ broker.getMessagesToBackend() + " so far; served per server: " + this.servers.served);
	}

	private void ask(String client) {
		for (int r = 1; r <= REQUESTS; r++) {
			String request = client + " request " + r;
			String reply = this.zmq.request("broker", request, String.class, Duration.ofSeconds(5));
			System.out.println("[" + client + "] '" + request + "' -> '" + reply + "'");
		}
	}

}
