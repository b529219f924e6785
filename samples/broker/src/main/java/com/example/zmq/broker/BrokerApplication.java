package com.example.zmq.broker;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * A queue device with no code (configured under {@code zmq.proxies.broker}), three
 * servers that connect to its back end, and clients that send requests to its front end
 * from several threads: run it, watch who answers what, and it exits by itself.
 */
@SpringBootApplication
public class BrokerApplication {

	public static void main(String[] args) {
		// the clients run while the context starts; closing it stops the servers, then
		// the broker, and ends the JVM
		SpringApplication.run(BrokerApplication.class, args).close();
	}

}
