package com.example.zmq.pipeline;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * Pipeline (PUSH/PULL): a ventilator pushes tasks, three worker threads take them in turn
 * and push their results to a sink, which counts what arrived. Run it and it exits by
 * itself.
 */
@SpringBootApplication
public class PipelineApplication {

	public static void main(String[] args) {
		SpringApplication.run(PipelineApplication.class, args).close();
	}

}
